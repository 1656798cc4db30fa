import Foundation
import Logging
import UCWA

/// Sends continueMessaging requests to UCWA and follows each to a terminal state.
///
/// ```swift
/// let dispatcher = Dispatcher(connection: client, origin: context.origin, journal: store, clock: ContinuousClock(),
///                             logger: logger)
/// await dispatcher.attach(channel)         // the one consumer of channel.elements
/// channel.start()
/// let request = try await dispatcher.submit(MessageRequest(conversationLog: href, message: "Hi", ...))
/// let final = await dispatcher.outcome(of: request.id)   // delivered, failed or expired
/// ```
///
/// Contract:
/// - Every attempt has a new operationId (a client-supplied one only for the first), registered with the
///   correlator and stored (state `dispatching`) before its POST. The POST goes to the conversation log's
///   `continueMessaging` link, read with a GET each attempt; hrefs outside the UCWA origin are refused.
/// - Outcomes come from the event channel: `completed` Success → `delivered`, Failure → `failed` with the reason's
///   code and subcode. Events may precede the 201, `completed` may come without `started`.
/// - Errors are classified by ``DispatchClassifier``; retries follow the ``RetryPolicy`` (the next attempt time is
///   stored as `nextAttemptAt`); no attempt is sent unless the event channel has a P-GET out.
/// - A POST without an answer, and an attempt awaiting events when the channel resets (`resume`, `resync`, a new
///   application, the channel's end), keeps its operationId for ``DispatchConfiguration/ambiguityGrace``; events
///   carrying it let the attempt go on, otherwise it is sent again with a new id (counted in
///   ``DispatchCounters/ambiguousResends`` and logged at warning).
/// - After a 201, a `completed` missing for ``DispatchConfiguration/outcomeTimeout`` makes the dispatcher read the
///   invitation (the `Location`); it never re-sends a request the server acknowledged.
/// - Every change of state goes through one function that checks ``RequestState/allows(_:)``, stamps `updatedAt`,
///   writes the request to the ``RequestJournal`` and only then shows it to waiters.
/// - While the channel has ended (another process owns the application), no attempt starts: requests stay
///   `accepted`/`retryScheduled` until ``attach(_:)`` gives a working channel.
public actor Dispatcher {
    let connection: any DispatchConnection
    var configuration: DispatchConfiguration
    let journal: any RequestJournal
    let clock: DispatchClock
    let wallClock: @Sendable () -> Date
    var random: any RandomNumberGenerator & Sendable
    let logger: Logger
    let limit: InFlightLimit
    let origin: UCWAOrigin

    var correlator: OperationCorrelator
    var requests: [RequestID: MessageRequest] = [:]
    var sequence: [RequestID: UInt64] = [:]
    var signalInputs: [RequestID: AsyncStream<RequestSignal>.Continuation] = [:]
    var runs: [RequestID: Task<Void, Never>] = [:]
    var owners: [OperationID: RequestID] = [:]
    var reservedOperationIDs: Set<OperationID> = []
    var nextTimer: UInt64 = 0
    /// The runs' outcome time-outs and grace windows, on one sleeping task (see ``TimerQueue``).
    nonisolated let timers: TimerQueue
    private var nextSequence: UInt64 = 0
    private var watchers: [RequestID: [UInt64: AsyncStream<MessageRequest>.Continuation]] = [:]
    private var counterWatchers: [UInt64: AsyncStream<DispatchCounters>.Continuation] = [:]
    private var nextWatcher: UInt64 = 0
    var channel: EventChannel?
    /// Requests whose move to `dispatching` is being stored: no longer cancellable.
    var committing: Set<RequestID> = []
    /// Requests whose run ``cancel(_:)`` is ending.
    var cancellingRuns: Set<RequestID> = []
    /// Restored in-flight requests, and whether their first wait starts ambiguous.
    var restoredWaits: [RequestID: Bool] = [:]
    /// Runs promised to enqueues that are storing their request as `dispatching` (``reserveStart(limit:)``).
    var reservedStarts = 0
    /// Requests stored `dispatching` with their first attempt by the enqueue that accepted them, not yet sent: their
    /// run sends that attempt without storing it again.
    var storedFirstAttempts: Set<RequestID> = []
    /// Operations whose `completed` event was routed to their run, which has not read it yet.
    var completedOperations: Set<OperationID> = []
    let runEndedInput: AsyncStream<RunEnd>.Continuation
    /// Yields after a request's run has ended and its slot is free, once per run: the durable queue's cue to admit
    /// more. One reader; it holds at most one element per run that has been started.
    public nonisolated let runEnded: AsyncStream<RunEnd>
    private var consumer: Task<Void, Never>?
    /// Runs waiting in ``channelReady()`` for a channel to be attached, by key.
    private var channelWaiters: [UInt64: CheckedContinuation<Bool, Never>] = [:]
    private var nextChannelWaiter: UInt64 = 0
    var isShutDown = false
    /// No new attempt starts (see ``drain(within:)``).
    var isDraining = false
    var postsInFlight = 0
    var drainWaiters: [CheckedContinuation<Void, Never>] = []

    /// Counts for metrics; see ``counterUpdates()``.
    public private(set) var counters = DispatchCounters() {
        didSet {
            for watcher in counterWatchers.values {
                watcher.yield(counters)
            }
        }
    }

    /// Creates a dispatcher; nothing is sent until a request is submitted and a channel attached.
    ///
    /// - Parameters:
    ///   - connection: the UCWA client (or a wrapper of it).
    ///   - origin: the UCWA origin, against which event hrefs are resolved.
    ///   - clock: backoff, grace windows and outcome time-outs run on it.
    ///   - now: wall-clock stamps (`createdAt`, `updatedAt`, `nextAttemptAt`); tests derive it from `clock`.
    ///   - random: the jitter source of the retry policy.
    public init<C: Clock>(
        connection: any DispatchConnection,
        origin: UCWAOrigin,
        configuration: DispatchConfiguration = DispatchConfiguration(),
        journal: any RequestJournal,
        clock: C,
        now: @escaping @Sendable () -> Date = { Date() },
        random: any RandomNumberGenerator & Sendable = SystemRandomNumberGenerator(),
        logger: Logger
    ) where C.Duration == Duration {
        self.connection = connection
        self.origin = origin
        self.configuration = configuration
        self.journal = journal
        self.clock = DispatchClock(clock)
        self.timers = TimerQueue(clock: self.clock)
        self.wallClock = now
        self.random = random
        self.logger = logger
        self.limit = InFlightLimit(capacity: configuration.concurrency)
        self.correlator = OperationCorrelator(origin: origin)
        (self.runEnded, self.runEndedInput) = AsyncStream.makeStream(of: RunEnd.self)
    }

    // MARK: Requests

    /// Stores `request` (state `accepted`, or `retryScheduled` when reloaded) in the journal and schedules it.
    ///
    /// - Throws: ``SubmissionError`` when the conversationLog href is not under the UCWA application, the id or a
    ///   client-supplied operationId is already in use, the state is not `accepted`/`retryScheduled`, or the
    ///   journal cannot store it. Nothing is sent then.
    @discardableResult
    public func submit(_ request: MessageRequest) async throws(SubmissionError) -> MessageRequest {
        guard request.state.isWaiting else {
            throw SubmissionError(code: .notDispatchable, reason: "a request in state \(request.state) is not taken")
        }
        try await validateConversationLog(request.conversationLog)
        guard !isShutDown else {
            throw SubmissionError(code: .shutDown, reason: "the dispatcher was shut down")
        }
        guard requests[request.id] == nil else {
            throw SubmissionError(code: .duplicateID, reason: "request \(request.id) is already known")
        }
        if request.attempts.isEmpty, let operationID = request.operationID {
            guard owners[operationID] == nil, !reservedOperationIDs.contains(operationID) else {
                throw SubmissionError(code: .operationIDInUse, reason: "operationId \(operationID) is in use")
            }
            reservedOperationIDs.insert(operationID)
        }
        requests[request.id] = request
        do {
            try await journal.record(request)
        } catch {
            requests[request.id] = nil
            if let operationID = request.operationID {
                reservedOperationIDs.remove(operationID)
            }
            counters.journalFailures += 1
            throw SubmissionError(code: .notStored, reason: "the journal did not store the request: \(error)")
        }
        logger.info("request \(request.state.rawValue)", metadata: metadata(of: request))
        startRun(of: request)
        return request
    }

    /// Starts the run of a request already placed in `requests`.
    func startRun(of request: MessageRequest) {
        requests[request.id] = request
        nextSequence += 1
        sequence[request.id] = nextSequence
        let (signals, input) = AsyncStream.makeStream(of: RequestSignal.self, bufferingPolicy: .unbounded)
        signalInputs[request.id] = input
        runs[request.id] = Task { await self.run(request.id, signals: signals) }
    }

    /// Checks that `href` is a conversation log of the current application on the UCWA origin (only the origin
    /// while no application is open).
    ///
    /// - Throws: ``SubmissionError`` with ``SubmissionError/Code/invalidHref`` or
    ///   ``SubmissionError/Code/hrefOutsideApplication``.
    public func validateConversationLog(_ href: String) async throws(SubmissionError) {
        if let context = await connection.application {
            _ = try ConversationLogHref(validating: href, application: context)
        } else if !origin.contains(href) {
            throw SubmissionError(code: .hrefOutsideApplication, reason: "the conversationLog href is not on \(origin)")
        }
    }

    /// The request as it is now, or `nil` for an unknown id.
    public func request(_ id: RequestID) -> MessageRequest? {
        requests[id]
    }

    /// Every request the dispatcher knows.
    public var allRequests: [MessageRequest] {
        Array(requests.values)
    }

    /// The request now, then every stored change; ends after a terminal state (or at shutdown).
    public func updates(of id: RequestID) -> AsyncStream<MessageRequest> {
        let (stream, continuation) = AsyncStream.makeStream(of: MessageRequest.self, bufferingPolicy: .unbounded)
        guard let request = requests[id] else {
            continuation.finish()
            return stream
        }
        continuation.yield(request)
        guard !request.state.isTerminal, !isShutDown else {
            continuation.finish()
            return stream
        }
        nextWatcher += 1
        let key = nextWatcher
        watchers[id, default: [:]][key] = continuation
        continuation.onTermination = { _ in
            Task { await self.removeWatcher(of: id, key: key) }
        }
        return stream
    }

    /// Waits until the request is terminal and returns it; returns it as it is if the dispatcher shuts down first,
    /// `nil` for an unknown id.
    public func outcome(of id: RequestID) async -> MessageRequest? {
        for await request in updates(of: id) where request.state.isTerminal {
            return request
        }
        return requests[id]
    }

    /// The counters now, then after every change; ends at shutdown. A slow reader sees the latest counters, not
    /// every intermediate value: only the newest one is buffered.
    public func counterUpdates() -> AsyncStream<DispatchCounters> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: DispatchCounters.self,
            bufferingPolicy: .bufferingNewest(1)
        )
        continuation.yield(counters)
        guard !isShutDown else {
            continuation.finish()
            return stream
        }
        nextWatcher += 1
        let key = nextWatcher
        counterWatchers[key] = continuation
        continuation.onTermination = { _ in
            Task { await self.removeCounterWatcher(key) }
        }
        return stream
    }

    /// Whether an event channel is attached and has not ended.
    public var hasWorkingChannel: Bool {
        guard let channel else { return false }
        return !channel.state.isTerminal
    }

    // MARK: The event channel

    /// Makes `channel` the source of events: one task reads its `elements` in order and routes every event through
    /// the correlator. Call it again with a new channel after the old one ended; waiting requests then go on.
    public func attach(_ channel: EventChannel) {
        consumer?.cancel()
        self.channel = channel
        let elements = channel.elements
        // The task inherits the actor's isolation: events are handled in order, on the actor.
        consumer = Task {
            for await element in elements {
                self.handle(element)
            }
            self.channelFinished(channel)
        }
        let waiters = channelWaiters.values
        channelWaiters = [:]
        for waiter in waiters {
            waiter.resume(returning: true)
        }
    }

    /// Stops every request's run; requests keep the state they have (the journal holds it for the next start).
    public func shutdown() async {
        isShutDown = true
        consumer?.cancel()
        let waiters = channelWaiters.values
        channelWaiters = [:]
        for waiter in waiters {
            waiter.resume(returning: false)
        }
        let tasks = Array(runs.values)
        for task in tasks {
            task.cancel()
        }
        for task in tasks {
            await task.value
        }
        await consumer?.value
        for continuation in signalInputs.values {
            continuation.finish()
        }
        for continuation in watchers.values.flatMap(\.values) {
            continuation.finish()
        }
        watchers = [:]
        for continuation in counterWatchers.values {
            continuation.finish()
        }
        counterWatchers = [:]
        runEndedInput.finish()
    }

    private func handle(_ element: EventChannelElement) {
        switch element {
        case .events(let response):
            for event in response.events {
                guard let update = correlator.correlate(event) else { continue }
                route(update)
            }
        case .resumed:
            reset(.resumed)
        case .resynced:
            reset(.resynced)
        case .applicationRecreated:
            reset(.applicationRecreated)
        }
    }

    /// Hands one operation's progress to the request that owns it.
    func route(_ update: OperationUpdate) {
        guard let id = owners[update.operationID], let input = signalInputs[id] else { return }
        counters.eventsRouted += 1
        logger.debug(
            "operation event",
            metadata: [
                "request-id": "\(id)", "operation-id": "\(update.operationID)", "progress": "\(update.progress)",
            ]
        )
        if case .completed = update.progress {
            completedOperations.insert(update.operationID)
        }
        input.yield(.progress(update.operationID, update.progress))
    }

    /// Tells every request with an attempt in flight that its events may never come.
    private func reset(_ kind: ChannelReset) {
        counters.channelResets += 1
        var affected = 0
        for (id, request) in requests where request.state.isInFlight {
            guard let operationID = request.operationID else { continue }
            signalInputs[id]?.yield(.channelReset(operationID, kind))
            affected += 1
        }
        logger.warning(
            "event channel reset: requests awaiting events are now ambiguous",
            metadata: ["reset": "\(kind.rawValue)", "requests": "\(affected)"]
        )
    }

    private func channelFinished(_ finished: EventChannel) {
        guard finished === channel, !isShutDown else { return }
        logger.error(
            "the event channel ended; no request is dispatched until a new channel is attached",
            metadata: ["channel-state": "\(finished.state)"]
        )
        reset(.channelEnded)
    }

    /// Returns once the attached channel has a P-GET out; waits for ``attach(_:)`` while the channel has ended.
    /// `false` when the dispatcher shuts down or the task is cancelled.
    func channelReady() async -> Bool {
        // Each pass either returns or waits for the next attach (or shutdown).
        while !isShutDown, !Task.isCancelled {
            if let channel, !channel.state.isTerminal {
                if channel.isParked {
                    return true
                }
                counters.waitingForChannel += 1
                let parked: Bool
                do {
                    try await channel.waitUntilParked()
                    parked = true
                } catch {
                    parked = false
                }
                counters.waitingForChannel -= 1
                if parked {
                    return true
                }
                continue
            }
            counters.waitingForChannel += 1
            let attached = await waitForAttach()
            counters.waitingForChannel -= 1
            if !attached {
                return false
            }
        }
        return false
    }

    /// Waits for the next ``attach(_:)``: `true` then, `false` at shutdown or when the task is cancelled (a
    /// cancelled request must not wait for a channel that may never come back).
    private func waitForAttach() async -> Bool {
        nextChannelWaiter += 1
        let key = nextChannelWaiter
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                guard !Task.isCancelled else {
                    continuation.resume(returning: false)
                    return
                }
                channelWaiters[key] = continuation
            }
        } onCancel: {
            Task { await self.releaseChannelWaiter(key) }
        }
    }

    private func releaseChannelWaiter(_ key: UInt64) {
        channelWaiters.removeValue(forKey: key)?.resume(returning: false)
    }

    // MARK: Changes of state

    /// The one place a request's state changes: applies `change`, checks the transition, stamps `updatedAt`, stores
    /// the request in the journal, then shows it to waiters and logs one info line.
    ///
    /// Returns `false` when nothing changed: an invalid transition (a bug, logged at error), or a journal failure
    /// before an attempt (no POST may go out unrecorded), of a cancellation (the client must not hear "cancelled" of
    /// a request the store keeps queued) or of a 201 (``CommitDurability`` decides by the answer held in memory; only
    /// the invitation's Location is kept). A journal failure for another change is logged and the change kept in
    /// memory.
    @discardableResult
    func transition(
        _ id: RequestID,
        to next: RequestState,
        _ change: (inout MessageRequest) -> Void = { _ in }
    ) async -> Bool {
        guard var request = requests[id] else { return false }
        change(&request)
        do {
            try request.move(to: next, at: wallClock())
        } catch {
            logger.error("refused state change", metadata: metadata(of: request).merging(["error": "\(error)"]) { $1 })
            return false
        }
        do {
            try await journal.record(request)
        } catch {
            counters.journalFailures += 1
            logger.error(
                "the journal did not store a state change",
                metadata: metadata(of: request).merging(["error": "\(error)", "state": "\(next.rawValue)"]) { $1 }
            )
            // Unstored, an attempt must not go out, and a cancellation is not one (its caller says so; the stored
            // row would be admitted again). An unstored 201 is not kept either (only the invitation's Location, for
            // the outcome check): a later `started` is then synced, as nothing on disk proves the 201.
            if next == .dispatching || next == .cancelled {
                return false
            }
            if next == .awaitingEvents {
                requests[id]?.invitation = request.invitation
                return false
            }
        }
        requests[id] = request
        for watcher in watchers[id, default: [:]].values {
            watcher.yield(request)
            if next.isTerminal {
                watcher.finish()
            }
        }
        if next.isTerminal {
            watchers[id] = nil
        }
        logger.info("request \(next.rawValue)", metadata: metadata(of: request).merging(next.logEvent) { $1 })
        return true
    }

    func count(_ change: (inout DispatchCounters) -> Void) {
        change(&counters)
    }

    /// The log metadata of a request: id, current operationId, attempt number, and the UCWA code and subcode of
    /// its failure or last attempt.
    ///
    /// A failed or retried request always carries both codes (`none` when the server gave none), because the
    /// journal catalog's texts for those events name them.
    func metadata(of request: MessageRequest) -> Logger.Metadata {
        var metadata: Logger.Metadata = ["request-id": "\(request.id)", "attempt": "\(request.attempts.count)"]
        if let operationID = request.operationID {
            metadata["operation-id"] = "\(operationID)"
        }
        let explainsFailure = request.state == .failed || request.state == .retryScheduled
        let placeholder = explainsFailure ? Self.noCode : nil
        if let code = request.failure?.code ?? request.currentAttempt?.code ?? placeholder {
            metadata["ucwa-code"] = "\(code)"
        }
        if let subcode = request.failure?.subcode ?? request.currentAttempt?.subcode ?? placeholder {
            metadata["ucwa-subcode"] = "\(subcode)"
        }
        return metadata
    }

    /// The code logged when the server gave none.
    static let noCode = "none"

    /// Ends every watcher of a request.
    func finishWatchers(of id: RequestID) {
        for watcher in watchers[id, default: [:]].values {
            watcher.finish()
        }
        watchers[id] = nil
    }

    private func removeWatcher(of id: RequestID, key: UInt64) {
        watchers[id]?[key] = nil
    }

    private func removeCounterWatcher(_ key: UInt64) {
        counterWatchers[key] = nil
    }
}
