import Bridge
import Foundation
import LocalAPI
import Logging
import ServiceLifecycle
import Systemd
import UCWA

/// The daemon: opens the store, listens on the local API, then opens the UCWA application and runs the event
/// channel and the queue on it, as one service group until SIGTERM or SIGINT, which drain it (see
/// ``SessionService``).
///
/// Start order: state directory and endpointId, store; then, at once, the API and the session (the UCWA
/// application, retried while the server is unreachable, then the event channel, the dispatcher and the queue).
/// `READY=1` goes out once the API listens, whether the application is open or not: until it is, the API answers
/// the health report (event channel `starting`) and the metrics, and `503 unavailable` with `Retry-After` for the
/// rest (see ``APIServiceGate``). Shutdown runs in the reverse order: the API stops accepting, the queue drains, the
/// channel stops, the store closes; a shutdown while the application is being opened simply ends the opening.
///
/// Under systemd: a socket passed by socket activation is checked first (one listening Unix stream socket at
/// `api.socketPath`, or the start fails before `READY=1`); `STATUS=` lines come from ``StatusReporterService`` (the
/// opening's attempts until the application is open) and `WATCHDOG=1` from ``WatchdogService``, which both stop late
/// at shutdown, after `STOPPING=1`.
public struct BridgeDaemon: Sendable {
    public let configuration: DaemonConfiguration
    public let logger: Logger
    /// How long in-flight POSTs get for their answers at shutdown.
    public var drainTime: Duration = .seconds(10)
    /// The level every log handler follows; a reload that changes `log.level` sets it.
    public var logLevel: LogLevelSwitch
    /// How SIGHUP reads the configuration again (see ``ConfigurationReloader``).
    public var configurationLoader: ConfigurationLoader

    /// Creates the daemon; without a `logLevel` a switch at `log.level` is made, without a `configurationLoader` a
    /// SIGHUP reload finds nothing changed.
    public init(
        configuration: DaemonConfiguration,
        logger: Logger,
        logLevel: LogLevelSwitch? = nil,
        configurationLoader: ConfigurationLoader? = nil
    ) {
        self.configuration = configuration
        self.logger = logger
        self.logLevel = logLevel ?? LogLevelSwitch(configuration.log.level)
        self.configurationLoader = configurationLoader ?? .unchanging(configuration)
    }

    /// Runs until a shutdown signal, then returns after a clean drain.
    ///
    /// - Parameter onReady: called once the API listens (after `READY=1` is sent when under systemd), which may be
    ///   before the UCWA application is open.
    /// - Throws: what keeps the daemon from starting (the configuration, the state directory, the store, the API
    ///   socket), or the configuration error with which the UCWA server refused the application (a
    ///   ``UCWAClientError`` whose `isConfigurationError` holds), after the other services stopped.
    public func run(onReady: @escaping @Sendable () -> Void = {}) async throws {
        let hangUps = await ConfigurationReloader.trapHangUps()
        let notifier = SystemdNotifier()
        // Before anything slow: a wrong socket from systemd, a malformed watchdog setting or a retry schedule that
        // cannot work (the session builds its dispatcher only once the application is open) fails the start at once.
        let apiConfiguration = try APIService.configuration(configuration.api)
        let watchdog = try WatchdogSettings.current()
        _ = try configuration.dispatchConfiguration()
        let state = try StateDirectory(path: configuration.state.directory)
        let endpointID = try state.endpointID()
        let store = try RequestStore(directory: URL(fileURLWithPath: state.path))
        logger.info("store open", metadata: ["path": "\(store.path)"])

        let client = try UCWAClient(
            configuration: try configuration.ucwaClientConfiguration(endpointId: endpointID),
            logger: logger
        )
        let metrics = BridgeMetrics()
        let failures = LastFailure()
        let progress = OpeningProgress()
        let monitor = EventChannelMonitor()
        let slot = SessionSlot(configuration: configuration)
        let gate = APIServiceGate(metrics: metrics, startingHealth: StartingHealth(store: store), progress: progress)
        let server = APIServer(configuration: apiConfiguration, gate: gate, logger: logger)
        let api = APIService(server: server, logger: logger)
        let reloader = ConfigurationReloader(
            hangUps: hangUps,
            reload: ConfigurationReload(
                loader: configurationLoader,
                settings: LiveSettings(
                    logLevel: logLevel,
                    session: slot,
                    peerPolicy: server.peerPolicy,
                    submissionLimits: server.submissionLimits
                ),
                notifier: notifier,
                logger: logger
            ),
            ready: { await api.waitUntilListening() },
            initial: configuration
        )
        let services: [any Service] = [
            StoreService(store: store, logger: logger),
            WatchdogService(
                settings: watchdog,
                probe: LivenessProbe(
                    checks: LivenessCheck.eachLoop(of: server.eventLoops) + LivenessCheck.session(slot)
                ),
                notifier: notifier,
                clock: ContinuousClock(),
                logger: logger
            ),
            StatusReporterService(
                source: DaemonStatusSource(
                    channel: monitor,
                    session: slot,
                    store: store,
                    progress: progress,
                    failures: failures
                ),
                notifier: notifier,
                clock: ContinuousClock(),
                logger: logger
            ),
            TestFaultService(
                faults: TestFaults(environment: ProcessInfo.processInfo.environment),
                eventLoops: server.eventLoops,
                logger: logger
            ),
            SessionService(
                client: client,
                store: store,
                slot: slot,
                gate: gate,
                monitor: monitor,
                progress: progress,
                failures: failures,
                drainTime: drainTime,
                logger: logger
            ),
            api,
            reloader,
            LifecycleNotifierService(notifier: notifier, logger: logger),
        ]
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map {
                    .init(
                        service: $0,
                        successTerminationBehavior: .gracefullyShutdownGroup,
                        failureTerminationBehavior: .gracefullyShutdownGroup
                    )
                },
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        let readiness = Task {
            guard await api.waitUntilListening() else { return }
            _ = try? notifier.notify([.ready])
            logger.notice("ready", metadata: ["socket": "\(configuration.api.socketPath)"])
            onReady()
        }
        defer { readiness.cancel() }
        try await group.run()
        logger.notice("stopped")
    }
}
