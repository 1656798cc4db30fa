import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// `ucwa-bridged` as a child process, configured by a YAML file written here, pointed at a ``SimulatorProcess`` (or
/// at any discovery URL, such as a port where nothing listens yet), with its state directory and API socket in a
/// ``TemporaryDirectory``. Readiness is `READY=1` on a notify socket of the test's own, and by default also the UCWA
/// session being open (``waitForSession(_:timeout:)``), since the daemon says `READY=1` before it opens the
/// application. It can be stopped (SIGTERM), killed (SIGKILL) and started again on the same state directory and
/// socket; each run is an incarnation with its own process and notify socket.
final class DaemonProcess: Sendable {
    /// What the configuration file says besides where things are.
    struct Settings: Sendable {
        /// `dispatch.concurrency`.
        var concurrency = 4
        /// `dispatch.retry.initialDelay`, such as `5s`; the daemon's default when `nil`.
        var retryInitialDelay: String?
        /// `log.level`.
        var logLevel = "debug"
        /// `log.target`.
        var logTarget = "stderr"
        /// What the password file holds: the simulator's default password unless the simulator got another.
        var password = SimulatorProcess.password
        /// A bearer token: when set, the daemon reads it from `ucwa.tokenFile` instead of using the password.
        var token: String?
        /// A command that runs the daemon (such as `nsenter ... --`), put before its path; none by default.
        var launcher: [String] = []
    }

    /// One run of the daemon.
    struct Incarnation: Sendable {
        let number: Int
        let process: ChildProcess
        let notify: NotifySocket
    }

    let executables: Executables
    let directory: TemporaryDirectory
    /// The API socket, `/tmp/ucwa-it-XXXXXX/api.sock`.
    let socketPath: String
    /// The state directory (SQLite queue, endpointId).
    let stateDirectory: String
    /// The YAML file passed with `--config`.
    let configPath: String
    /// ``Settings/launcher``.
    let launcher: [String]

    private let incarnations = Mutex<[Incarnation]>([])

    /// How long the daemon gets to say `READY=1`, and then to open its UCWA session.
    static let readinessTimeout: Duration = .seconds(60)
    /// What the daemon logs (notice) once its API serves every route (the daemon's `SessionService.openNotice`).
    static let sessionOpenNotice = "UCWA session open; the API serves every route"

    /// Writes the password file and the configuration against the server at `discoveryURL`; starts nothing.
    init(
        executables: Executables,
        discoveryURL: URL,
        directory: TemporaryDirectory,
        settings: Settings = Settings()
    ) throws {
        self.executables = executables
        self.directory = directory
        socketPath = directory.appending("api.sock")
        stateDirectory = directory.appending("state")
        configPath = directory.appending("config.yaml")
        launcher = settings.launcher
        let credential =
            try settings.token.map { "tokenFile: " + (try directory.write($0, to: "token")) }
            ?? "passwordFile: " + (try directory.write(settings.password, to: "password"))
        var retry = ""
        if let initialDelay = settings.retryInitialDelay {
            retry = "\n  retry:\n    initialDelay: \(initialDelay)"
        }
        let yaml = """
            ucwa:
              discoveryURL: \(discoveryURL.absoluteString)
              username: \(SimulatorProcess.username)
              \(credential)
            api:
              socketPath: \(socketPath)
              socketGroup: \(Self.currentGroupName())
            state:
              directory: \(stateDirectory)
            dispatch:
              concurrency: \(settings.concurrency)\(retry)
            log:
              level: \(settings.logLevel)
              target: \(settings.logTarget)

            """
        try directory.write(yaml, to: "config.yaml")
    }

    /// The incarnation running now or last.
    var current: Incarnation? {
        incarnations.withLock { $0.last }
    }

    /// The process running now or last.
    var process: ChildProcess {
        get throws {
            guard let current else { throw IntegrationError("ucwa-bridged was never started") }
            return current.process
        }
    }

    /// Every incarnation so far, oldest first.
    var all: [Incarnation] {
        incarnations.withLock { $0 }
    }

    /// Starts an incarnation (the first, or the next on the same state directory and socket) and waits for
    /// `READY=1`, then, unless `waitingForSession` is `false`, for its UCWA session to be open; fails with the
    /// daemon's standard error when it exits first or does not get there in time. `environment` is added to the
    /// child's (such as `WATCHDOG_USEC`); `NOTIFY_SOCKET` is always the incarnation's.
    @discardableResult
    func start(
        extraArguments: [String] = [],
        environment: [String: String] = [:],
        waitingForSession: Bool = true
    ) async throws -> Incarnation {
        if let current, current.process.isRunning {
            throw IntegrationError("ucwa-bridged incarnation \(current.number) still runs")
        }
        let number = incarnations.withLock { $0.count + 1 }
        let notify = try NotifySocket(path: directory.appending("notify-\(number).sock"))
        let process: ChildProcess
        do {
            let command = launcher + [executables.daemon.path, "--config", configPath] + extraArguments
            process = try ChildProcess(
                name: "ucwa-bridged#\(number)",
                executable: URL(fileURLWithPath: command[0]),
                arguments: Array(command.dropFirst()),
                environment: environment.merging(["NOTIFY_SOCKET": notify.path]) { _, notifySocket in notifySocket }
            )
        } catch {
            notify.close()
            throw error
        }
        let incarnation = Incarnation(number: number, process: process, notify: notify)
        incarnations.withLock { $0.append(incarnation) }

        enum Readiness: Sendable {
            case ready
            case exited(ChildProcess.Termination)
            case timedOut
        }
        let timeout = Self.readinessTimeout
        let readiness = await withTaskGroup(of: Readiness.self) { group in
            group.addTask {
                await notify.waitFor("READY=1", timeout: timeout) ? .ready : .timedOut
            }
            group.addTask {
                guard let ended = try? await process.waitForExit(timeout: timeout + .seconds(1)) else {
                    return .timedOut
                }
                return .exited(ended)
            }
            let first = await group.next() ?? .timedOut
            group.cancelAll()
            return first
        }
        switch readiness {
        case .ready:
            guard waitingForSession else { return incarnation }
            guard await waitForSession(incarnation, timeout: timeout) else {
                throw IntegrationError(
                    "ucwa-bridged#\(number) said READY=1 but opened no UCWA session within \(timeout) "
                        + "(\(process.ended.map(\.description) ?? "running")); notify: \(notify.messages); stderr:\n"
                        + process.standardError.tail(80)
                )
            }
            return incarnation
        case .exited(let ended):
            throw IntegrationError(
                "ucwa-bridged#\(number) ended (\(ended)) before READY=1; notify: \(notify.messages); stderr:\n"
                    + process.standardError.tail(80)
            )
        case .timedOut:
            await process.stop()
            throw IntegrationError(
                "ucwa-bridged#\(number) sent no READY=1 within \(timeout); notify: \(notify.messages); stderr:\n"
                    + process.standardError.tail(80)
            )
        }
    }

    /// Waits until `incarnation`'s UCWA session is open, so that the API serves every route: its notice on standard
    /// error, or (when it logs elsewhere) a `STATUS=` line about the event channel, whichever comes first. Answers
    /// `false` when the process ends or `timeout` passes first.
    func waitForSession(_ incarnation: Incarnation, timeout: Duration) async -> Bool {
        let process = incarnation.process
        let notify = incarnation.notify
        // Each watcher answers `true` (open), `false` (the process ended) or `nil` (its source gave up: a closed
        // pipe, the time passed); the first `true` or `false` decides.
        return await withTaskGroup(of: Bool?.self) { group in
            group.addTask {
                await process.standardError.waitFor(Self.sessionOpenNotice, timeout: timeout) ? true : nil
            }
            group.addTask {
                let status = await notify.waitForArrival(timeout: timeout) {
                    !$0.lines(startingWith: "STATUS=event channel").isEmpty
                }
                return status == nil ? nil : true
            }
            group.addTask {
                (try? await process.waitForExit(timeout: timeout)) == nil ? nil : false
            }
            var open = false
            for await verdict in group {
                if let verdict {
                    open = verdict
                    break
                }
            }
            group.cancelAll()
            return open
        }
    }

    /// SIGTERM to the running incarnation and its exit status (bounded; SIGKILL and an error past `timeout`).
    @discardableResult
    func stop(timeout: Duration = .seconds(30)) async throws -> ChildProcess.Termination {
        try await process.terminate(timeout: timeout)
    }

    /// SIGKILL to the running incarnation, and waits for it to be gone.
    @discardableResult
    func kill() async throws -> ChildProcess.Termination {
        try await process.kill()
    }

    /// Stops whatever still runs and closes the notify sockets; never throws. For teardown.
    func tearDown() async {
        for incarnation in all {
            await incarnation.process.stop()
            incarnation.notify.close()
        }
    }

    /// The end of every incarnation's standard error, for failure messages.
    func logTail(_ lines: Int = 60) -> String {
        all.map {
            "---- \($0.process.name) (\($0.process.ended.map(\.description) ?? "running")) stderr ----\n"
                + $0.process.standardError.tail(lines)
        }.joined(separator: "\n")
    }

    /// The name of the test process's group, which may use the socket (the daemon refuses an empty one).
    private static func currentGroupName() -> String {
        guard let entry = getgrgid(getgid()), let name = entry.pointee.gr_name else { return "root" }
        return String(cString: name)
    }
}
