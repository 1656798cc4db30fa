import Bridge
import Foundation
import LocalAPI
import Logging
import ServiceLifecycle
import Systemd
import UCWA

/// The daemon: opens the store and the UCWA application, then runs the event channel, the queue and the local
/// API as one service group until SIGTERM or SIGINT, which drain it (see ``DispatchService``).
///
/// Start order: state directory and endpointId, store, UCWA application (retried while the server is
/// unreachable), event channel, dispatcher and queue, API; `READY=1` once the API listens. Shutdown runs in the
/// reverse order: the API stops accepting, the queue drains, the channel stops, the store closes.
///
/// Under systemd: a socket passed by socket activation is checked first (one listening Unix stream socket at
/// `api.socketPath`, or the start fails before `READY=1`); `STATUS=` lines come from ``StatusReporterService`` and
/// `WATCHDOG=1` from ``WatchdogService``, which both stop late at shutdown, after `STOPPING=1`.
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
    /// - Parameter onReady: called once the API listens (after `READY=1` is sent when under systemd).
    public func run(onReady: @escaping @Sendable () -> Void = {}) async throws {
        let hangUps = await ConfigurationReloader.trapHangUps()
        let notifier = SystemdNotifier()
        // Before anything slow: a wrong socket from systemd, or a malformed watchdog setting, fails the start at once.
        let apiConfiguration = try APIService.configuration(configuration.api)
        let watchdog = try WatchdogSettings.current()
        let state = try StateDirectory(path: configuration.state.directory)
        let endpointID = try state.endpointID()
        let store = try RequestStore(directory: URL(fileURLWithPath: state.path))
        logger.info("store open", metadata: ["path": "\(store.path)"])

        let client = try UCWAClient(
            configuration: try configuration.ucwaClientConfiguration(endpointId: endpointID),
            logger: logger
        )
        _ = try? notifier.notify(.status("opening the UCWA application"))
        let context = try await ApplicationOpener().open(client, clock: ContinuousClock(), logger: logger)
        let reused = context.creation == .reused
        logger.notice(
            "UCWA application open",
            metadata: ["application": "\(context.selfHref)", "creation": "\(context.creation.rawValue)"]
        )
        let resumeHref = reused ? try await store.eventsHref() : nil
        let channel = EventChannel(
            client: client,
            persist: { response in
                if let next = (response.next ?? response.resume ?? response.resync)?.href {
                    try await store.recordEventBatch(nextHref: next)
                }
            },
            logger: logger
        )

        let changes = RequestChanges()
        let metrics = BridgeMetrics()
        let failures = LastFailure()
        var dispatchConfiguration = try configuration.dispatchConfiguration()
        dispatchConfiguration.retryScheduling = .byQueue
        let dispatcher = Dispatcher(
            connection: client,
            origin: context.origin,
            configuration: dispatchConfiguration,
            journal: FailureJournal(
                wrapping: metrics.journal(wrapping: ObservedJournal(store: store, changes: changes)),
                failures: failures
            ),
            clock: ContinuousClock(),
            logger: logger
        )
        await dispatcher.attach(channel)
        let queue = MessageQueue(
            store: store,
            dispatcher: dispatcher,
            changes: changes,
            configuration: QueueConfiguration(
                admissionLimit: dispatchConfiguration.concurrency,
                defaultDeadline: configuration.dispatch.retry.deadline,
                retention: configuration.dispatch.retention
            ),
            clock: ContinuousClock(),
            logger: logger
        )
        // Before the channel starts: the events the server re-serves must find their operationIds registered.
        await queue.restoreInFlight(applicationReused: reused)
        let monitor = EventChannelMonitor()
        monitor.watch(channel)
        let server = APIServer(
            configuration: apiConfiguration,
            services: APIServices(
                queue: queue,
                health: BridgeHealth(connection: client, channel: monitor, queue: queue),
                conversationLogs: ConversationLogDirectory(connection: client, logger: logger),
                metrics: metrics,
                dispatcher: dispatcher
            ),
            logger: logger
        )
        let api = APIService(server: server, logger: logger)
        let reloader = ConfigurationReloader(
            hangUps: hangUps,
            reload: ConfigurationReload(
                loader: configurationLoader,
                settings: LiveSettings(
                    logLevel: logLevel,
                    dispatcher: dispatcher,
                    queue: queue,
                    peerPolicy: server.peerPolicy
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
                    checks: LivenessCheck.eachLoop(of: server.eventLoops) + [.dispatcher(dispatcher), .queue(queue)]
                ),
                notifier: notifier,
                clock: ContinuousClock(),
                logger: logger
            ),
            StatusReporterService(
                source: DaemonStatusSource(channel: monitor, queue: queue, failures: failures),
                notifier: notifier,
                clock: ContinuousClock(),
                logger: logger
            ),
            TestFaultService(
                faults: TestFaults(environment: ProcessInfo.processInfo.environment),
                eventLoops: server.eventLoops,
                logger: logger
            ),
            EventChannelService(channel: channel, client: client, resumeHref: resumeHref, logger: logger),
            DispatchService(
                queue: queue,
                dispatcher: dispatcher,
                applicationReused: reused,
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
