import Foundation

/// `ucwa-bridged` as a child process with a configuration written by the benchmark, its own notify socket, and the
/// times it took to get ready.
struct DaemonProcess: Sendable {
    let child: ChildProcess
    let api: LocalAPIClient
    let startup: StartupTimes

    /// How long the daemon gets to say `READY=1` and to answer.
    static let readinessTimeout: Duration = .seconds(60)

    /// Writes `configuration` as `<label>.yaml`, launches the daemon with `NOTIFY_SOCKET` set, and waits both for
    /// `READY=1` and for the first answer of `GET /v1/health` (tried every 2 ms from the launch, see
    /// ``HealthProbe``).
    static func start(
        executable: String,
        label: String,
        configuration: DaemonConfigFile,
        directory: ScratchDirectory,
        registry: ChildProcessRegistry
    ) async throws -> DaemonProcess {
        let configPath = try directory.write(configuration.yaml, to: "\(label).yaml")
        let notify = try NotifySocket(path: directory.appending("\(label).notify"))
        defer { notify.close() }
        let child = try ChildProcess(
            name: "ucwa-bridged (\(label))",
            label: label,
            executable: executable,
            arguments: ["--config", configPath],
            environment: ["NOTIFY_SOCKET": notify.path],
            directory: directory
        )
        registry.add(child)
        let api = LocalAPIClient(connections: SocketConnections(socketPath: configuration.socketPath))
        async let ready = notify.waitForReady(timeout: readinessTimeout) { child.isRunning }
        async let answered = HealthProbe.firstAnswer(socketPath: configuration.socketPath, timeout: readinessTimeout) {
            child.isRunning
        }
        guard let readyAt = await ready, let answeredAt = await answered else {
            throw BenchmarkError(
                "\(child.name) did not get ready within \(readinessTimeout) (running: \(child.isRunning)):\n"
                    + child.standardErrorTail()
            )
        }
        let startup = StartupTimes(
            readyMilliseconds: (readyAt - child.launchedAt).milliseconds,
            healthMilliseconds: (answeredAt - child.launchedAt).milliseconds
        )
        return DaemonProcess(child: child, api: api, startup: startup)
    }

    /// The daemon's CPU time so far, in seconds.
    func cpuSeconds() throws -> Double {
        try ProcessCPU.seconds(of: child.processIdentifier)
    }

    /// The daemon's resident memory now and at its peak.
    func memory() throws -> ProcessMemory {
        try ProcessMemory(of: child.processIdentifier)
    }
}
