import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One of the package's executables running as a child of the test process, with its standard output and
/// standard error captured in memory (read continuously, so it never blocks on a full pipe) and its exit awaited
/// through Foundation's termination handler (which also reaps it).
///
/// A test must not leave children behind: `terminate()` and `kill()` wait for the exit, and the last reference
/// going away SIGKILLs a child that still runs.
final class ChildProcess: Sendable {
    /// How a child ended.
    enum Termination: Sendable, Hashable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        var description: String {
            switch self {
            case .exited(let status): "exit status \(status)"
            case .signalled(let signal): "signal \(signal)"
            }
        }
    }

    /// The name used in messages, such as `ucwa-bridged`.
    let name: String
    /// The command line, for messages.
    let commandLine: String
    /// The child's process id.
    let processIdentifier: Int32
    /// Its standard output.
    let standardOutput: OutputCapture
    /// Its standard error.
    let standardError: OutputCapture

    private let termination: Observed<Termination?>
    /// Kept so that the termination handler stays installed for the child's whole life.
    private let process: Process

    /// The environment of the test process without what would change the children's behaviour: systemd's
    /// variables, journald's stream, the daemon's and the client's configuration variables.
    static var cleanEnvironment: [String: String] {
        let dropped: Set<String> = [
            "NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "WATCHDOG_USEC", "WATCHDOG_PID",
            "CREDENTIALS_DIRECTORY", "JOURNAL_STREAM", "INVOCATION_ID",
        ]
        return ProcessInfo.processInfo.environment.filter { key, _ in
            !dropped.contains(key) && !key.hasPrefix("UCWA_BRIDGE_")
        }
    }

    /// Launches `executable` with `arguments`; `environment` is added to ``cleanEnvironment``.
    init(
        name: String? = nil,
        executable: URL,
        arguments: [String],
        environment: [String: String] = [:],
        currentDirectory: String? = nil
    ) throws {
        let name = name ?? executable.lastPathComponent
        self.name = name
        commandLine = ([executable.path] + arguments).joined(separator: " ")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = Self.cleanEnvironment.merging(environment) { _, new in new }
        if let currentDirectory {
            process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory)
        }
        let output = Pipe()
        let error = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = error
        let termination = Observed<Termination?>(nil)
        process.terminationHandler = { process in
            let status = process.terminationStatus
            let ended: Termination =
                process.terminationReason == .uncaughtSignal ? .signalled(status) : .exited(status)
            termination.update { $0 = ended }
        }
        do {
            try process.run()
        } catch {
            throw IntegrationError("could not launch \(commandLine): \(error)")
        }
        // The parent's copies of the write ends must be closed, or the readers never see end of file.
        try? output.fileHandleForWriting.close()
        try? error.fileHandleForWriting.close()
        self.process = process
        self.termination = termination
        processIdentifier = process.processIdentifier
        standardOutput = OutputCapture(reading: output.fileHandleForReading, name: "\(name) stdout")
        standardError = OutputCapture(reading: error.fileHandleForReading, name: "\(name) stderr")
    }

    /// Whether the child still runs.
    var isRunning: Bool { termination.value == nil }

    /// How the child ended, if it has.
    var ended: Termination? { termination.value }

    /// Waits up to `timeout` for the child to end.
    func waitForExit(timeout: Duration) async throws -> Termination {
        if let ended = await termination.wait(timeout: timeout, until: { $0 != nil }) ?? nil {
            return ended
        }
        throw IntegrationError("\(name) (pid \(processIdentifier)) still runs after \(timeout)")
    }

    /// Sends `signal` to the child if it still runs.
    func send(_ signal: Int32) {
        guard isRunning else { return }
        Glibc.kill(processIdentifier, signal)
    }

    /// SIGTERM, then waits up to `timeout` for the exit; a child still running then is SIGKILLed and the call
    /// throws.
    @discardableResult
    func terminate(timeout: Duration = .seconds(30)) async throws -> Termination {
        send(SIGTERM)
        do {
            return try await waitForExit(timeout: timeout)
        } catch {
            _ = try? await kill()
            throw IntegrationError("\(name) did not exit within \(timeout) of SIGTERM; it was killed")
        }
    }

    /// SIGKILL, and waits for the exit (which cannot take long).
    @discardableResult
    func kill() async throws -> Termination {
        send(SIGKILL)
        return try await waitForExit(timeout: .seconds(30))
    }

    /// Stops the child however it can: SIGTERM with `grace`, then SIGKILL. Never throws; for teardown.
    func stop(grace: Duration = .seconds(15)) async {
        guard isRunning else { return }
        send(SIGTERM)
        if (try? await waitForExit(timeout: grace)) == nil {
            _ = try? await kill()
        }
    }

    deinit {
        if termination.value == nil {
            Glibc.kill(processIdentifier, SIGKILL)
        }
    }
}
