import Bridge
import Foundation
import LocalAPI
import Systemd
import TestSupport
import Testing
import UCWA

@testable import Daemon

/// A reload before the UCWA application is open has no dispatcher or queue to reach: the slot keeps the configuration
/// and the session is built with it; a reload after finds the parts.
@Suite(.timeLimit(.minutes(1))) struct SessionSlotTests {
    static let start = ConfigurationFixture.accountYAML + "dispatch:\n  concurrency: 8\nlog:\n  level: info\n"
    static let reloaded =
        ConfigurationFixture.accountYAML
        + "api:\n  allowedUIDs: [1000]\ndispatch:\n  concurrency: 3\n  retention: 24h\nlog:\n  level: debug\n"

    /// The dispatcher and queue the daemon builds from `configuration`, on a store in `directory`.
    static func parts(_ configuration: DaemonConfiguration, store: RequestStore) throws -> SessionSlot.Parts {
        var dispatchConfiguration = try configuration.dispatchConfiguration()
        dispatchConfiguration.retryScheduling = .byQueue
        let dispatcher = Dispatcher(
            connection: OfflineConnection(),
            origin: try UCWAOrigin("https://ucwa.contoso.com"),
            configuration: dispatchConfiguration,
            journal: InMemoryRequestJournal(),
            clock: ContinuousClock(),
            logger: LogRecorder().logger()
        )
        let queue = MessageQueue(
            store: store,
            dispatcher: dispatcher,
            changes: RequestChanges(),
            configuration: QueueConfiguration(
                admissionLimit: configuration.dispatch.concurrency,
                defaultDeadline: configuration.dispatch.retry.deadline,
                retention: configuration.dispatch.retention
            ),
            clock: ContinuousClock(),
            logger: LogRecorder().logger()
        )
        return SessionSlot.Parts(dispatcher: dispatcher, queue: queue)
    }

    @Test func aReloadBeforeTheSessionIsBuiltIntoIt() async throws {
        let configurations = try ConfigurationFixture()
        let file = try configurations.directory.write(Self.start, to: "config.yaml")
        let loader = ConfigurationLoader(sources: configurations.sources(configFile: file))
        let running = try await loader.load()
        let store = try RequestStore(directory: configurations.directory.url)
        defer { try? store.close() }
        let slot = SessionSlot(configuration: running)
        let settings = LiveSettings(
            logLevel: LogLevelSwitch(running.log.level),
            session: slot,
            peerPolicy: LivePeerPolicy(PeerPolicy()),
            submissionLimits: LiveSubmissionLimits(rules: SubmissionRules(), maximumWait: .seconds(60))
        )
        let reload = ConfigurationReload(
            loader: loader,
            settings: settings,
            notifier: SystemdNotifier(),
            logger: LogRecorder().logger()
        )
        try configurations.directory.write(Self.reloaded, to: "config.yaml")
        let outcome = await reload.perform(running: running)
        guard case .applied(let change) = outcome else {
            Issue.record("refused: \(outcome)")
            return
        }
        #expect(change.liveKeys.contains("dispatch.concurrency"))
        #expect(slot.parts == nil)
        #expect(settings.logLevel.level == .debug)
        #expect(settings.peerPolicy.current.allowedUIDs == [1000])
        #expect(slot.configuration == change.inForce)

        let parts = try slot.install { try Self.parts($0, store: store) }
        #expect(await parts.dispatcher.concurrency == 3)
        #expect(await parts.queue.configurationInForce.admissionLimit == 3)
        #expect(await parts.queue.configurationInForce.retention == .seconds(24 * 3600))
        #expect(slot.parts != nil)
    }

    @Test func aReloadAfterTheSessionReachesItsParts() async throws {
        let configurations = try ConfigurationFixture()
        let running = try await configurations.load(configFile: configurations.directory.write(Self.start, to: "a"))
        let reloaded = try await configurations.load(configFile: configurations.directory.write(Self.reloaded, to: "b"))
        let store = try RequestStore(directory: configurations.directory.url)
        defer { try? store.close() }
        let slot = SessionSlot(configuration: running)
        let installed = try slot.install { try Self.parts($0, store: store) }
        #expect(await installed.dispatcher.concurrency == 8)

        let parts = try #require(slot.adopt(reloaded))
        #expect(parts.dispatcher === installed.dispatcher)
        #expect(parts.queue === installed.queue)
        #expect(slot.configuration == reloaded)
    }
}
