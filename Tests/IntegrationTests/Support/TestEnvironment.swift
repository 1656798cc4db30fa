import Foundation
import Synchronization

/// What one test starts (simulators, daemons) in one temporary directory, torn down whatever happens: children
/// are stopped (SIGTERM, then SIGKILL) and the directory is removed. When the test's body throws, the ends of
/// the children's logs are printed; `UCWA_IT_LOGS=1` prints them always.
final class TestEnvironment: Sendable {
    let executables: Executables
    let directory: TemporaryDirectory
    private let simulators = Mutex<[SimulatorProcess]>([])
    private let daemons = Mutex<[DaemonProcess]>([])

    private init(executables: Executables, directory: TemporaryDirectory) {
        self.executables = executables
        self.directory = directory
    }

    /// Runs `body` in a fresh environment and tears it down afterwards, also when `body` throws.
    static func run<Result>(_ body: (TestEnvironment) async throws -> Result) async throws -> Result {
        let environment = TestEnvironment(executables: try Executables.locate(), directory: try TemporaryDirectory())
        let result: Result
        do {
            result = try await body(environment)
        } catch {
            print(environment.logReport(reason: "the test failed: \(error)"))
            await environment.tearDown()
            throw error
        }
        if ProcessInfo.processInfo.environment["UCWA_IT_LOGS"] != nil {
            print(environment.logReport(reason: "UCWA_IT_LOGS is set"))
        }
        await environment.tearDown()
        return result
    }

    /// Starts a simulator on `listen` (a port of its choosing by default) that is stopped at teardown.
    func startSimulator(listen: String = "127.0.0.1:0", arguments: [String] = []) async throws -> SimulatorProcess {
        let simulator = try await SimulatorProcess.start(executables, listen: listen, arguments: arguments)
        simulators.withLock { $0.append(simulator) }
        return simulator
    }

    /// Configures a daemon against `simulator` in this environment's directory, without starting it.
    func makeDaemon(
        simulator: SimulatorProcess,
        settings: DaemonProcess.Settings = DaemonProcess.Settings()
    ) throws -> DaemonProcess {
        try makeDaemon(discoveryURL: simulator.discoveryURL, settings: settings)
    }

    /// Configures a daemon against the server at `discoveryURL` (which need not answer yet) in this environment's
    /// directory, without starting it.
    func makeDaemon(
        discoveryURL: URL,
        settings: DaemonProcess.Settings = DaemonProcess.Settings()
    ) throws -> DaemonProcess {
        let daemon = try DaemonProcess(
            executables: executables,
            discoveryURL: discoveryURL,
            directory: directory,
            settings: settings
        )
        daemons.withLock { $0.append(daemon) }
        return daemon
    }

    /// Configures a daemon against `simulator` and starts it (ready: `READY=1` came).
    func startDaemon(
        simulator: SimulatorProcess,
        settings: DaemonProcess.Settings = DaemonProcess.Settings()
    ) async throws -> DaemonProcess {
        let daemon = try makeDaemon(simulator: simulator, settings: settings)
        try await daemon.start()
        return daemon
    }

    /// A client of `daemon`'s socket.
    func api(_ daemon: DaemonProcess) -> APIClient {
        APIClient(socketPath: daemon.socketPath)
    }

    /// The command-line client against `daemon`'s socket.
    func cli(_ daemon: DaemonProcess) -> CLIRunner {
        CLIRunner(executables: executables, socketPath: daemon.socketPath)
    }

    /// The ends of every child's standard error.
    func logReport(reason: String) -> String {
        var report = ["==== logs of the integration test's children (\(reason)); directory \(directory.path) ===="]
        for daemon in daemons.withLock({ $0 }) {
            report.append(daemon.logTail(80))
        }
        for simulator in simulators.withLock({ $0 }) {
            report.append("---- ucwa-sim stderr ----\n" + simulator.process.standardError.tail(40))
        }
        return report.joined(separator: "\n")
    }

    /// Stops every child (daemons first) and removes the directory.
    func tearDown() async {
        for daemon in daemons.withLock({ $0 }) {
            await daemon.tearDown()
        }
        for simulator in simulators.withLock({ $0 }) {
            await simulator.stop()
        }
        directory.remove()
    }
}
