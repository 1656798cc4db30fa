import Foundation
import Logging
import Synchronization

/// The application's event channel: exactly one P-GET outstanding, its responses delivered in order.
///
/// - A response's events are delivered as soon as it is read; then the optional `persist` hook runs, so that a
///   daemon can record a batch before acknowledging it (a failing hook is retried with backoff and the batch is
///   not acknowledged until it succeeded), and only then the next P-GET goes out. A batch whose hook never
///   succeeds is delivered again after a restart: consumers must take a repeated event as such (the bridge's
///   correlator does). `next`, `resume` and `resync` are followed
///   verbatim, with `timeout` (and `medium`/`low`) set by a URL builder on every P-GET, so they are re-sent after
///   `resume` too.
/// - Connection failures, timeouts, 5xx and other unexpected answers: the same href is retried with capped
///   exponential backoff and full jitter (30 s cap by default, far inside the 15-minute idle limit). A 401 is
///   handled by the client (one re-authentication, one replay).
/// - 404 `ApplicationNotFound` / 410: the application is created again through the client (with backoff) and the
///   channel continues from its new `events` link, delivering ``EventChannelElement/applicationRecreated(_:)``.
/// - 409 `PGetReplaced` on the one P-GET we have outstanding was not caused by us (we never issue a second one
///   while one is outstanding, and the ones we abandon are never read again): another process owns the
///   application. The channel logs an error, ends in ``EventChannelState/foreignOwner`` and does not fight.
///
/// ``elements`` has a single consumer and ends when the channel stops. Backoff waits run on the client's clock.
public final class EventChannel: Sendable {
    /// Called with every event response, after its events were delivered and before the next P-GET (which
    /// acknowledges it) goes out.
    ///
    /// When it throws, the channel logs an error, backs off (its ``EventChannelParameters/backoff``, on the client's
    /// clock) and calls it again with the same response; the next P-GET is issued only once it returned, so a
    /// batch is never acknowledged before it was stored. Stopping the channel ends the retries. Delivering first
    /// keeps the hook's write off the events' way: consumers act on them while it syncs.
    public typealias Persist = @Sendable (EventsResponse) async throws -> Void

    /// The channel's output, in order; finishes when the channel reaches a terminal state.
    public let elements: AsyncStream<EventChannelElement>

    private let output: AsyncStream<EventChannelElement>.Continuation
    private let client: UCWAClient
    private let parameters: EventChannelParameters
    private let jitter: JitterSource
    private let persist: Persist?
    private let logger: Logger
    private let broadcast = StateBroadcast<EventChannelState>(.connecting)
    private let lastResponse = Mutex<Date?>(nil)
    private let loop = Mutex<Task<Void, Never>?>(nil)

    /// Creates a channel on `client`'s open application; nothing is sent until ``start(from:)``.
    ///
    /// The P-GET `timeout` is the client configuration's ``UCWAClientConfiguration/eventTimeout`` unless
    /// `parameters` sets one; a `timeout` that is not below the long-poll read timeout is replaced by
    /// `eventTimeout`, with a warning (see ``EventChannelParameters/timeout``).
    public init(
        client: UCWAClient,
        parameters: EventChannelParameters = EventChannelParameters(),
        jitter: JitterSource = .system(),
        persist: Persist? = nil,
        logger: Logger
    ) {
        (elements, output) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        self.client = client
        self.parameters = parameters.resolved(for: client.configuration, logger: logger)
        self.jitter = jitter
        self.persist = persist
        self.logger = logger
    }

    /// The current state.
    public var state: EventChannelState { broadcast.value }

    /// The current state, then every change, in order; ends when the channel ends.
    public func stateChanges() -> AsyncStream<EventChannelState> { broadcast.stream() }

    /// Whether a P-GET is outstanding right now.
    public var isParked: Bool { state == .parked }

    /// When the last event response (empty ones included) arrived, wall-clock.
    public var lastEventResponseAt: Date? { lastResponse.withLock { $0 } }

    /// Returns once a P-GET is outstanding (at once if one is).
    ///
    /// - Throws: ``EventChannelError`` when the channel ends first.
    public func waitUntilParked() async throws(EventChannelError) {
        for await state in stateChanges() {
            if state == .parked { return }
            if state.isTerminal { throw EventChannelError(state: state) }
        }
        throw EventChannelError(state: state)
    }

    /// Starts polling from `href` (a stored events href after a restart with a reused application), or from the
    /// open application's `events` link. Does nothing when already started.
    public func start(from href: String? = nil) {
        loop.withLock { loop in
            guard loop == nil else { return }
            loop = Task { await self.run(from: href) }
        }
    }

    /// Stops polling: the outstanding P-GET is cancelled, the state becomes ``EventChannelState/stopped`` (unless
    /// it already ended) and ``elements`` finishes.
    public func stop() async {
        let task = loop.withLock { $0 }
        task?.cancel()
        await task?.value
        end(in: .stopped)
    }

    private func run(from initial: String?) async {
        guard var context = await client.application else {
            end(in: .failed(UCWAClientError(code: .noApplication, reason: "no application is open", source: "events")))
            return
        }
        var href = initial ?? context.eventsHref
        var attempt = 0
        var pending = poll(href)
        defer { pending.cancel() }
        polling: while !Task.isCancelled {
            let current = pending
            let outcome = await withTaskCancellationHandler {
                await current.value
            } onCancel: {
                current.cancel()
            }
            if Task.isCancelled { break polling }
            switch outcome {
            case .success(let response):
                guard let events = try? response.decode(EventsResponse.self), let continuation = events.continuation
                else {
                    logger.warning("event response without a usable next link", metadata: ["response": "\(response)"])
                    break
                }
                if attempt > 0 {
                    logger.notice("event channel restored", metadata: ["event": "event-channel-restored"])
                }
                attempt = 0
                lastResponse.withLock { $0 = Date() }
                deliver(events, continuation: continuation)
                if let persist, !(await store(events, with: persist)) {
                    break polling
                }
                if Task.isCancelled { break polling }
                href = continuation.link.href
                pending = poll(href)
                continue
            case .ucwaError(let response, let reason) where response.status == 409 && reason.subcode == .pGetReplaced:
                logger.error(
                    "the P-GET was replaced by another client: another process uses this application; not polling",
                    metadata: ["event": "foreign-owner-detected"]
                )
                end(in: .foreignOwner)
                return
            case .ucwaError(let response, let reason)
            where (response.status == 404 && reason.subcode == .applicationNotFound) || response.status == 410:
                logger.warning(
                    "the application is gone; creating it again",
                    metadata: ["status": "\(response.status)", "subcode": "\(reason.subcode?.rawValue ?? "-")"]
                )
                broadcast.update(.applicationLost)
                do {
                    context = try await client.recreateApplication(replacing: context.generation)
                } catch {
                    end(in: error.code == .shutDown ? .stopped : .failed(error))
                    return
                }
                attempt = 0
                href = context.eventsHref
                pending = poll(href)
                output.yield(.applicationRecreated(context))
                continue
            case .notSent(let error) where error.isConfigurationError:
                logger.error("the event channel cannot authenticate", metadata: ["error": "\(error)"])
                end(in: .failed(error))
                return
            case .notSent(let error) where error.code == .shutDown:
                end(in: .stopped)
                return
            default:
                logger.debug("P-GET failed", metadata: ["outcome": "\(Self.summary(outcome))"])
            }
            let delay = parameters.backoff.delay(attempt: attempt, jitter: jitter)
            attempt += 1
            broadcast.update(.backingOff(until: Date().addingTimeInterval(Self.seconds(delay)), attempt: attempt))
            logger.warning(
                "event channel retrying",
                metadata: [
                    "outcome": "\(Self.summary(outcome))", "attempt": "\(attempt)", "delay": "\(delay)",
                    "event": attempt == 1 ? "event-channel-lost" : "event-channel-retrying",
                ]
            )
            do {
                try await client.clock.sleep(for: delay)
            } catch {
                break polling
            }
            pending = poll(href)
        }
        end(in: .stopped)
    }

    /// Calls `persist` with `events` until it succeeds, backing off between failures; `false` when the channel
    /// was stopped first (the batch stays unacknowledged and the server sends it again).
    private func store(_ events: EventsResponse, with persist: Persist) async -> Bool {
        var failures = 0
        while !Task.isCancelled {
            do {
                try await persist(events)
                return true
            } catch {
                if Task.isCancelled { return false }
                let delay = parameters.backoff.delay(attempt: failures, jitter: jitter)
                failures += 1
                logger.error(
                    "the event batch could not be stored; not acknowledging it, retrying",
                    metadata: ["error": "\(error)", "attempt": "\(failures)", "delay": "\(delay)"]
                )
                broadcast.update(.backingOff(until: Date().addingTimeInterval(Self.seconds(delay)), attempt: failures))
                do {
                    try await client.clock.sleep(for: delay)
                } catch {
                    return false
                }
            }
        }
        return false
    }

    /// Issues one P-GET on the long-poll client.
    private func poll(_ href: String) -> Task<UCWAOutcome, Never> {
        let url = EventsURLBuilder.url(for: href, parameters: parameters)
        broadcast.update(.parked)
        logger.debug("P-GET", metadata: ["href": "\(url)"])
        return Task { await self.client.send(.get(url), lane: .longPoll) }
    }

    private func deliver(_ events: EventsResponse, continuation: EventChannelContinuation) {
        switch continuation {
        case .next:
            break
        case .resume:
            logger.warning("the server reset the transient state (resume)")
            output.yield(.resumed)
        case .resync:
            logger.error("the event channel was out of step and resynchronised (resync)")
            output.yield(.resynced)
        }
        logger.debug("event response", metadata: ["events": "\(events.events.count)"])
        output.yield(.events(events))
    }

    private func end(in state: EventChannelState) {
        if !broadcast.value.isTerminal {
            broadcast.update(state)
        }
        broadcast.finish()
        output.finish()
    }

    private static func summary(_ outcome: UCWAOutcome) -> String {
        switch outcome {
        case .success(let response): "unusable \(response.status)"
        case .ucwaError(let response, let reason):
            "\(response.status) \(reason.code)/\(reason.subcode?.rawValue ?? "-")"
        case .infrastructureError(let response): "\(response.status) without a UCWA body"
        case .notSent(let error), .ambiguous(let error): "\(error)"
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
