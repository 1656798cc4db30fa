import Bridge
import Foundation
import LocalAPI
import Systemd
import TestSupport
import UCWA

@testable import Daemon

/// A UCWA connection that never connects: the reload tests need a dispatcher, not a server.
struct OfflineConnection: DispatchConnection {
    var application: ApplicationContext? {
        get async { nil }
    }

    func get(_ href: String, accept: UCWABodyFormat) async -> UCWAOutcome {
        .notSent(Self.offline)
    }

    func post(_ href: String, body: RequestBody, accept: UCWABodyFormat) async -> UCWAOutcome {
        .notSent(Self.offline)
    }

    func recreateApplication(replacing generation: Int) async throws(UCWAClientError) -> ApplicationContext {
        throw Self.offline
    }

    private static let offline = UCWAClientError(code: .connectionFailed, reason: "offline in tests", source: "test")
}

/// What a reload changes, as the daemon builds it from a configuration: a real dispatcher, a real queue on a SQLite
/// store in a temporary directory, the log level switch and the API's peer policy; and a ``ConfigurationReload``
/// that reads a configuration file of the fixture's directory.
struct ReloadFixture: ~Copyable {
    let configurations: ConfigurationFixture
    let running: DaemonConfiguration
    let settings: LiveSettings
    /// The session's dispatcher and queue, installed in the settings' ``SessionSlot``.
    let dispatcher: Dispatcher
    let queue: MessageQueue
    let reload: ConfigurationReload
    let logs: LogRecorder
    /// The file the reload reads, written by ``write(_:)``.
    let file: String

    /// Loads `yaml` as the running configuration and builds the parts from it.
    init(_ yaml: String, purpose: String = #function) async throws {
        // Everything that may throw comes before the first stored property: a noncopyable value cannot be left
        // partly initialized.
        let configurations = try ConfigurationFixture(purpose)
        let file = try configurations.directory.write(yaml, to: "config.yaml")
        let loader = ConfigurationLoader(sources: configurations.sources(configFile: file))
        let running = try await loader.load()
        let store = try RequestStore(directory: configurations.directory.url)
        var dispatchConfiguration = try running.dispatchConfiguration()
        dispatchConfiguration.retryScheduling = .byQueue
        let logs = LogRecorder()
        let logger = logs.logger()
        let dispatcher = Dispatcher(
            connection: OfflineConnection(),
            origin: try UCWAOrigin("https://ucwa.contoso.com"),
            configuration: dispatchConfiguration,
            journal: InMemoryRequestJournal(),
            clock: ContinuousClock(),
            logger: logger
        )
        let queue = MessageQueue(
            store: store,
            dispatcher: dispatcher,
            changes: RequestChanges(),
            configuration: QueueConfiguration(
                admissionLimit: running.dispatch.concurrency,
                defaultDeadline: running.dispatch.retry.deadline,
                retention: running.dispatch.retention
            ),
            clock: ContinuousClock(),
            logger: logger
        )
        let slot = SessionSlot(configuration: running)
        _ = try slot.install { _ in SessionSlot.Parts(dispatcher: dispatcher, queue: queue) }
        let settings = LiveSettings(
            logLevel: LogLevelSwitch(running.log.level),
            session: slot,
            peerPolicy: LivePeerPolicy(
                PeerPolicy(
                    allowedUIDs: Set(running.api.allowedUIDs),
                    allowedGIDs: Set(running.api.allowedGIDs),
                    socketGroupID: 4242
                )
            ),
            submissionLimits: LiveSubmissionLimits(
                rules: SubmissionRules(maximumMessageBytes: running.api.maxMessageBytes),
                maximumWait: running.api.maxWait
            )
        )
        reload = ConfigurationReload(loader: loader, settings: settings, notifier: SystemdNotifier(), logger: logger)
        self.settings = settings
        self.dispatcher = dispatcher
        self.queue = queue
        self.running = running
        self.file = file
        self.configurations = configurations
        self.logs = logs
    }

    /// Replaces the configuration file.
    func write(_ yaml: String) throws {
        try configurations.directory.write(yaml, to: "config.yaml")
    }

    /// The log lines at `level`.
    func lines(at level: String) -> [String] {
        logs.all.filter { $0.hasPrefix(level + " ") }
    }
}
