import Bridge
import Foundation
import LocalAPI
import Logging
import ServiceLifecycle
import UCWA

/// Opens the UCWA application, then runs the session on it: the event channel, the dispatcher and the queue, which
/// the API serves from once they exist. It starts with the API, so the daemon listens (and says `READY=1`) while the
/// application is still being opened.
///
/// Contract:
/// - Opening: ``ApplicationOpener`` retries while the server is unreachable and records each failed attempt in the
///   ``OpeningProgress`` (the API's `503` answers and the `STATUS=` line name it). A configuration error (bad
///   credentials, `UserAgentNotAllowed`, ...) ends the service with that error, so the daemon ends with it. A
///   graceful shutdown during the opening cancels it, closes the client and returns.
/// - Once open, in this order: the stored events href is read (when the application was reused); the dispatcher and
///   the queue are built from the configuration in force (``SessionSlot/install(_:)``, so a reload during the
///   opening is built in); the in-flight requests are restored, before the channel starts, so that the events the
///   server re-serves find their operationIds registered; the ``EventChannelMonitor`` watches the channel; the
///   ``APIServiceGate`` opens; the channel starts; the queue's admission loop runs.
/// - At graceful shutdown (after the API stopped accepting): the queue stops admitting, POSTs already sent get up
///   to `drainTime` for their answers, the dispatcher stops, then the channel stops and the client closes. Every
///   request keeps its stored state for the next start, and the application is kept, so that the next start reuses
///   it with its stable endpointId.
struct SessionService: Service, CustomStringConvertible {
    var description: String { "SessionService" }

    let client: UCWAClient
    let store: RequestStore
    let slot: SessionSlot
    let gate: APIServiceGate
    let monitor: EventChannelMonitor
    let progress: OpeningProgress
    let failures: LastFailure
    let drainTime: Duration
    let logger: Logger
    var opener = ApplicationOpener()

    /// Logged (notice) once the API's gate is open: from then on every route is served.
    static let openNotice = "UCWA session open; the API serves every route"

    /// The parts of a running session.
    private struct Session {
        let channel: EventChannel
        let parts: SessionSlot.Parts
        let applicationReused: Bool
        let resumeHref: String?
    }

    func run() async throws {
        let session: Session
        do {
            guard let context = try await openApplication() else {
                await client.shutdown(deletingApplication: false)
                logger.notice("stopped before the UCWA application was open")
                return
            }
            session = try await build(on: context)
        } catch {
            await client.shutdown(deletingApplication: false)
            throw error
        }
        await serve(session)
    }

    /// The open application; `nil` when a graceful shutdown (or a cancellation) came first.
    ///
    /// - Throws: the configuration error that makes opening hopeless.
    private func openApplication() async throws -> ApplicationContext? {
        let opener = opener
        let client = client
        let progress = progress
        let logger = logger
        do {
            return try await cancelWhenGracefulShutdown {
                try await opener.open(client, clock: ContinuousClock(), progress: progress, logger: logger)
            }
        } catch is CancellationError {
            return nil
        }
    }

    /// Builds the session on the open application and opens the API's gate; the channel is not started yet.
    private func build(on context: ApplicationContext) async throws -> Session {
        let reused = context.creation == .reused
        logger.notice(
            "UCWA application open",
            metadata: ["application": "\(context.selfHref)", "creation": "\(context.creation.rawValue)"]
        )
        let resumeHref = reused ? try await store.eventsHref() : nil
        let store = store
        let channel = EventChannel(
            client: client,
            persist: { [origin = context.origin] response in
                try await store.recordEventBatch(response, origin: origin)
            },
            logger: logger
        )
        let parts = try slot.install { configuration in
            try makeParts(origin: context.origin, configuration: configuration)
        }
        await parts.dispatcher.attach(channel)
        // Before the channel starts: the events the server re-serves must find their operationIds registered.
        await parts.queue.restoreInFlight(applicationReused: reused)
        monitor.watch(channel)
        gate.open(
            APIServices(
                queue: parts.queue,
                health: BridgeHealth(connection: client, channel: monitor, queue: parts.queue),
                conversationLogs: ConversationLogDirectory(connection: client, logger: logger),
                metrics: gate.metrics,
                dispatcher: parts.dispatcher
            )
        )
        logger.notice("\(Self.openNotice)")
        return Session(channel: channel, parts: parts, applicationReused: reused, resumeHref: resumeHref)
    }

    /// The dispatcher and the queue on `origin`, with the live keys of `configuration`.
    private func makeParts(origin: UCWAOrigin, configuration: DaemonConfiguration) throws -> SessionSlot.Parts {
        var dispatchConfiguration = try configuration.dispatchConfiguration()
        dispatchConfiguration.retryScheduling = .byQueue
        let changes = RequestChanges()
        let dispatcher = Dispatcher(
            connection: client,
            origin: origin,
            configuration: dispatchConfiguration,
            journal: FailureJournal(
                wrapping: gate.metrics.journal(wrapping: ObservedJournal(store: store, changes: changes)),
                failures: failures
            ),
            clock: ContinuousClock(),
            logger: logger
        )
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
        return SessionSlot.Parts(dispatcher: dispatcher, queue: queue)
    }

    /// Starts the channel and the admission loop, and drains at graceful shutdown (see the type's contract).
    private func serve(_ session: Session) async {
        let queue = session.parts.queue
        let dispatcher = session.parts.dispatcher
        let reused = session.applicationReused
        session.channel.start(from: session.resumeHref)
        let admission = Task { await queue.run(applicationReused: reused) }
        try? await gracefulShutdown()
        await queue.stop()
        admission.cancel()
        await admission.value
        let unanswered = await dispatcher.drain(within: drainTime, clock: ContinuousClock())
        if unanswered > 0 {
            logger.warning(
                "POSTs still unanswered at shutdown; their requests are ambiguous at the next start",
                metadata: ["requests": "\(unanswered)"]
            )
        }
        await dispatcher.shutdown()
        logger.info("dispatcher stopped")
        await session.channel.stop()
        await client.shutdown(deletingApplication: false)
        logger.info("event channel stopped")
    }
}
