import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One of the benchmarked executables running as a child process. Its standard output and standard error go to
/// files in the scratch directory: a file never fills up and blocks the child the way an unread pipe would.
final class ChildProcess: Sendable {
    /// The name used in messages, such as `ucwa-bridged` or `ucwa-sim (direct)`.
    let name: String
    /// The child's process id, for `/proc/PID/...`.
    let processIdentifier: Int32
    /// Where its standard output goes.
    let standardOutputPath: String
    /// Where its standard error goes.
    let standardErrorPath: String
    /// Just before it was launched: the origin of the start-up timings.
    let launchedAt: ContinuousClock.Instant
    /// Kept for `isRunning`; Foundation reaps the child.
    private let process: Process

    /// The environment of the benchmark without what would change a child's behaviour: systemd's variables and
    /// the daemon's configuration variables.
    static var cleanEnvironment: [String: String] {
        let dropped: Set<String> = [
            "NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "WATCHDOG_USEC", "WATCHDOG_PID",
            "CREDENTIALS_DIRECTORY", "JOURNAL_STREAM", "INVOCATION_ID",
        ]
        return ProcessInfo.processInfo.environment.filter { key, _ in
            !dropped.contains(key) && !key.hasPrefix("UCWA_BRIDGE_")
        }
    }

    /// Launches `executable`; `environment` is added to ``cleanEnvironment``. `label` names the output files.
    init(
        name: String,
        label: String,
        executable: String,
        arguments: [String],
        environment: [String: String] = [:],
        directory: ScratchDirectory
    ) throws {
        self.name = name
        standardOutputPath = directory.appending("\(label).stdout")
        standardErrorPath = directory.appending("\(label).stderr")
        let output = try Self.create(standardOutputPath)
        let error = try Self.create(standardErrorPath)
        defer {
            try? output.close()
            try? error.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = Self.cleanEnvironment.merging(environment) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = error
        launchedAt = .now
        do {
            try process.run()
        } catch {
            throw BenchmarkError("could not launch \(executable): \(error)")
        }
        self.process = process
        processIdentifier = process.processIdentifier
    }

    /// Whether the child still runs.
    var isRunning: Bool { process.isRunning }

    /// Waits up to `timeout` for the child to end; answers whether it did.
    func waitForExit(within timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        // Bounded by the deadline.
        while process.isRunning {
            guard ContinuousClock.now < deadline else { return false }
            if (try? await Task.sleep(for: .milliseconds(10))) == nil {
                usleep(10_000)  // cancelled (an error path): still wait, without spinning
            }
        }
        return true
    }

    /// SIGTERM, up to `grace` for the exit, then SIGKILL and up to five seconds more. Answers how long the child
    /// took to exit after SIGTERM, `nil` when it had to be killed or had already ended.
    @discardableResult
    func stop(grace: Duration = .seconds(15)) async -> Duration? {
        guard process.isRunning else { return nil }
        let sent = ContinuousClock.now
        kill(processIdentifier, SIGTERM)
        if await waitForExit(within: grace) {
            return .now - sent
        }
        kill(processIdentifier, SIGKILL)
        _ = await waitForExit(within: .seconds(5))
        return nil
    }

    /// ``stop(grace:)`` without suspending, for a signal handler that must end the children before the benchmark
    /// exits.
    func stopNow(grace: Duration = .seconds(5)) {
        guard process.isRunning else { return }
        kill(processIdentifier, SIGTERM)
        let deadline = ContinuousClock.now + grace
        while process.isRunning, ContinuousClock.now < deadline {
            usleep(10_000)
        }
        if process.isRunning {
            kill(processIdentifier, SIGKILL)
        }
    }

    /// The last `bytes` of the child's standard error, for error messages.
    func standardErrorTail(_ bytes: Int = 3_000) -> String {
        guard let data = FileManager.default.contents(atPath: standardErrorPath) else { return "" }
        return String(decoding: data.suffix(bytes), as: UTF8.self)
    }

    private static func create(_ path: String) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw BenchmarkError("could not create \(path)")
        }
        return handle
    }
}
