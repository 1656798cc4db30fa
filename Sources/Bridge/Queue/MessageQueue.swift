import Foundation
import Logging
import UCWA

/// The durable queue: what the local API calls. Requests live in the ``RequestStore``; the ``Dispatcher`` works
/// only on the few that are due (see ``run()``), so memory does not grow with the queue.
///
/// ```swift
/// let changes = RequestChanges()
/// let dispatcher = Dispatcher(connection: client, origin: origin,
///                             configuration: DispatchConfiguration(retryScheduling: .byQueue),
///                             journal: ObservedJournal(store: store, changes: changes), clock: clock, logger: logger)
/// let queue = MessageQueue(store: store, dispatcher: dispatcher, changes: changes, clock: clock, logger: logger)
/// let feeding = Task { await queue.run() }
/// let request = try await queue.enqueue(MessageDraft(conversationLog: href, message: "Hi")).request
/// ```
///
/// Contract:
/// - ``enqueue(_:)`` stores the request (`accepted`) before it returns; a request it returned is never lost.
/// - Every change of a request is stored before it is shown to ``change(of:from:within:until:)`` waiters.
/// - Due requests are admitted oldest first, at most ``QueueConfiguration/admissionLimit`` at once.
public actor MessageQueue {
    let store: RequestStore
    let dispatcher: Dispatcher
    let changes: RequestChanges
    var configuration: QueueConfiguration
    let clock: DispatchClock
    /// The time-outs of ``change(of:from:within:until:)`` waits.
    let waitTimers: TimerQueue
    let wallClock: @Sendable () -> Date
    let logger: Logger
    let wakeInput: AsyncStream<Void>.Continuation
    let wakes: AsyncStream<Void>
    var isStopping = false
    var hasRestored = false
    /// How many times the admission loop looked at the store (a loop that spins shows here).
    var passes = 0
    /// How many run ends did not wake the admission loop, as nothing could be waiting for their slots.
    var skippedPasses = 0
    /// How many run ends the queue has handled, and who waits for a number of them.
    var handledRunEnds = 0
    var runEndWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    /// Whether ``enqueue(_:)`` may start a new request's run itself, or must leave it to the admission loop.
    var gate = AdmissionGate()
    /// How many requests ``enqueue(_:)`` handed to the dispatcher itself.
    var directAdmissions = 0
    var lastPrune: Duration?
    var lastExpiryCheck: Duration?
    /// Requests whose cancellation is under way: the admission loop leaves them alone meanwhile.
    var cancelling: Set<RequestID> = []
    /// Client-supplied operationIds whose enqueue is between its check and its insert, and the enqueues waiting
    /// for them (oldest first).
    var operationIDWaiters: [OperationID: [CheckedContinuation<Void, Never>]] = [:]

    /// Creates the queue; nothing is admitted until ``run()`` starts.
    ///
    /// - Parameters:
    ///   - dispatcher: configured with ``RetryScheduling/byQueue`` and an ``ObservedJournal`` on `store` and
    ///     `changes`.
    ///   - clock: admission waits and long polls run on it; `now` gives the wall-clock stamps.
    public init<C: Clock>(
        store: RequestStore,
        dispatcher: Dispatcher,
        changes: RequestChanges,
        configuration: QueueConfiguration = QueueConfiguration(),
        clock: C,
        now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger
    ) where C.Duration == Duration {
        self.store = store
        self.dispatcher = dispatcher
        self.changes = changes
        self.configuration = configuration
        self.clock = DispatchClock(clock)
        self.waitTimers = TimerQueue(clock: self.clock)
        self.wallClock = now
        self.logger = logger
        (wakes, wakeInput) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    // MARK: Requests

    /// Stores a new request, then starts its run when no older request waits for room and the dispatcher has room,
    /// or else wakes the admission loop. A request that can be sent at once is stored `dispatching` with its first
    /// attempt, so that its run sends it without a commit of its own; any other is stored `accepted`. With an
    /// idempotency key that a stored request already has, returns that request (``RequestInsertion/existing(_:)``)
    /// and stores nothing.
    ///
    /// - Throws: ``QueueError`` (``QueueError/Code/hrefRefused``, ``QueueError/Code/operationIDInUse``,
    ///   ``QueueError/Code/deadlinePassed``, ``QueueError/Code/storeFailure``, ``QueueError/Code/shuttingDown``);
    ///   nothing is stored then.
    public func enqueue(_ draft: MessageDraft) async throws(QueueError) -> RequestInsertion {
        guard !isStopping else {
            throw QueueError(code: .shuttingDown, reason: "the daemon is stopping", source: "enqueue")
        }
        do {
            try await dispatcher.validateConversationLog(draft.conversationLog)
        } catch {
            throw QueueError(code: .hrefRefused, reason: error.reason, source: "enqueue")
        }
        let now = wallClock()
        let deadline = draft.deadline ?? now.addingTimeInterval(configuration.defaultDeadline.timeInterval)
        guard deadline > now else {
            throw QueueError(code: .deadlinePassed, reason: "the deadline is in the past", source: "enqueue")
        }
        // The check of a client-supplied operationId and the insert are one step for that id: two enqueues with
        // one id, whose checks both came before either insert, would store both.
        if let operationID = draft.operationID {
            await claim(operationID)
        }
        defer {
            if let operationID = draft.operationID {
                release(operationID)
            }
        }
        if let key = draft.idempotencyKey,
            let existing = try await storeCall({ try await $0.request(byIdempotencyKey: key) })
        {
            return .existing(existing)
        }
        if let operationID = draft.operationID {
            let used = try await storeCall { try await $0.isOperationIDUsed(operationID.rawValue) }
            guard !used else {
                throw QueueError(
                    code: .operationIDInUse,
                    reason: "operationId \(operationID) is already used by another request",
                    source: "enqueue"
                )
            }
        }
        var request = MessageRequest(
            id: draft.id,
            conversationLog: draft.conversationLog,
            message: draft.message,
            contentType: draft.contentType,
            operationID: draft.operationID,
            idempotencyKey: draft.idempotencyKey,
            deadline: deadline,
            createdAt: now
        )
        let startsAtOnce = await reserveStart(at: now)
        if startsAtOnce {
            request.startFirstAttempt(at: now)
        }
        let insertion: RequestInsertion
        do {
            insertion = try await storeCall { try await $0.insert(request) }
        } catch {
            if startsAtOnce {
                await releaseStart()
            }
            throw error
        }
        guard case .created(let created) = insertion else {
            if startsAtOnce {
                await releaseStart()
            }
            return insertion
        }
        changes.publish(created)
        logger.info("request accepted", metadata: ["request-id": "\(created.id)", "event": "request-accepted"])
        if startsAtOnce {
            await dispatcher.startStored(created)
            directAdmissions += 1
        } else {
            await admitOrWake(created)
        }
        return insertion
    }

    /// The stored request, or `nil` for an unknown id.
    public func request(_ id: RequestID) async throws(QueueError) -> MessageRequest? {
        try await storeCall { try await $0.request(id) }
    }

    /// One page of stored requests, oldest first, optionally in one state.
    public func list(state: RequestState?, after cursor: RequestCursor?, limit: Int) async throws(QueueError)
        -> RequestPage
    {
        try await storeCall { try await $0.list(state: state, after: cursor, limit: limit) }
    }

    /// Cancels a request that waits for an attempt (`accepted` or `retryScheduled`).
    ///
    /// - Throws: ``QueueError/Code/notFound``, ``QueueError/Code/notCancellable`` (in flight or finished; the
    ///   reason names the state), ``QueueError/Code/storeFailure``.
    public func cancel(_ id: RequestID) async throws(QueueError) -> MessageRequest {
        // Between the end of the request's run and the stored cancellation the row is still due: without this the
        // admission loop (woken by that very run's end) could admit it again meanwhile.
        cancelling.insert(id)
        let passesBefore = passes
        var cancelled = false
        defer {
            cancelling.remove(id)
            // A pass left this row alone meanwhile: a running one, whether or not the row was cancelled, and one that
            // ran during the cancel, if the row was not, which would otherwise wait for the next wake.
            if gate.isPassing || (!cancelled && passes != passesBefore) {
                wakeInput.yield()
            }
        }
        switch await dispatcher.cancel(id) {
        case .cancelled(let request):
            gate.cancelled(id)
            cancelled = true
            return request
        case .inFlight(let request):
            throw notCancellable(request)
        case .notStored(let request):
            throw QueueError(
                code: .storeFailure,
                reason: "the cancellation of request \(id) could not be stored; it stays \(request.state.rawValue)",
                source: "cancel"
            )
        case .notActive:
            break
        }
        guard var request = try await storeCall({ try await $0.request(id) }) else {
            throw QueueError(code: .notFound, reason: "no request has the id \(id)", source: "cancel")
        }
        do {
            try request.move(to: .cancelled, at: wallClock())
        } catch {
            throw notCancellable(request)
        }
        do throws(StoreError) {
            try await store.record(request)
        } catch {
            // The row changed meanwhile (admitted and dispatched): report what it is now.
            if error.code == .invalidTransition, let current = try? await store.request(id) {
                throw notCancellable(current)
            }
            throw QueueError(code: .storeFailure, reason: error.description, source: "cancel")
        }
        gate.cancelled(id)
        cancelled = true
        changes.publish(request)
        logger.info("request cancelled", metadata: ["request-id": "\(id)", "event": "request-cancelled"])
        return request
    }

    /// Waits until the request's state differs from `state` (its current state when `nil`; at once when it already
    /// differs) or, with `until` ``WaitTarget/final``, until it is terminal, or until `within` passes; returns it as
    /// stored then, `nil` for an unknown id. Returns at once for a terminal request. Cancel-safe: a cancelled wait
    /// returns the request as it is.
    public func change(
        of id: RequestID,
        from state: RequestState?,
        within: Duration,
        until target: WaitTarget = .change
    ) async throws(QueueError) -> MessageRequest? {
        let watch = watch(id, until: target)
        let current: MessageRequest?
        do throws(QueueError) {
            current = try await storeCall { try await $0.request(id) }
        } catch {
            watch.end()
            throw error
        }
        guard let current else {
            watch.end()
            return nil
        }
        return await change(watch, current: current, from: state ?? current.state, within: within)
    }

    /// Starts following the changes of request `id` before it is read or stored, so that no change falls between
    /// that read (or insert) and the wait: pass it to ``change(_:current:from:within:)``, which waits until `target`,
    /// or end it. With ``WaitTarget/final`` it sees only final states.
    public nonisolated func watch(_ id: RequestID, until target: WaitTarget = .change) -> RequestWatch {
        let (updates, end) = changes.subscription(to: id, until: target)
        return RequestWatch(id: id, updates: updates, end: end, target: target)
    }

    /// Waits on `watch`, opened before `current` was read or stored, as ``change(of:from:within:until:)`` does from
    /// `state` until the watch's target; ends the watch.
    public func change(
        _ watch: RequestWatch,
        current: MessageRequest,
        from state: RequestState,
        within: Duration
    ) async -> MessageRequest {
        defer { watch.end() }
        guard current.state == state || watch.target == .final, !current.state.isTerminal, within > .zero else {
            return current
        }
        // The time-out ends the updates; so does the cancellation of this task (the stream's iteration ends then).
        let timeOut = waitTimers.schedule(at: clock.now + within) { watch.end() }
        defer { waitTimers.cancel(timeOut) }
        // The watch started before the read: an update buffered in between may be older than the row. A watch until
        // final is only shown final states (``RequestChanges/subscription(to:until:)``).
        for await request in watch.updates where request.state != state && request.updatedAt >= current.updatedAt {
            return request
        }
        let latest = try? await store.request(watch.id)
        return latest ?? current
    }

    /// The queue depth by state and the oldest waiting request.
    public func depth() async throws(QueueError) -> QueueDepth {
        try await storeCall { try await $0.depth() }
    }

    // MARK: Helpers

    /// Runs one store call; a failure is logged and becomes ``QueueError/Code/storeFailure``.
    func storeCall<T: Sendable>(_ body: (RequestStore) async throws -> T) async throws(QueueError) -> T {
        do {
            return try await body(store)
        } catch {
            if !Task.isCancelled {
                logger.error("the store failed", metadata: ["error": "\(error)"])
            }
            throw QueueError(code: .storeFailure, reason: "\(error)", source: "store")
        }
    }

    /// Whether a request stored at `now` may start from its enqueue: no older request waits for room, and the
    /// dispatcher promised it a run. It is then stored `dispatching` with its first attempt.
    private func reserveStart(at now: Date) async -> Bool {
        guard !isStopping, gate.admitsDirectly(at: now) else { return false }
        return await dispatcher.reserveStart(limit: configuration.admissionLimit)
    }

    /// Gives back a promised run whose request was not stored; a request left waiting for room may take it.
    private func releaseStart() async {
        await dispatcher.releaseStart()
        if gate.mayHoldDueRequests {
            wakeInput.yield()
        }
    }

    /// Starts the run of a request just stored when nothing older waits for room and the dispatcher has room;
    /// otherwise wakes the admission loop, which reads it back from the store in its turn.
    private func admitOrWake(_ request: MessageRequest) async {
        if !isStopping, gate.admitsDirectly(at: wallClock()),
            await dispatcher.admitIfRoom(request, limit: configuration.admissionLimit) == .started
        {
            directAdmissions += 1
            return
        }
        gate.requestLeftForLoop()
        wakeInput.yield()
    }

    /// Returns once this enqueue is the only one between the check and the insert of `operationID`.
    private func claim(_ operationID: OperationID) async {
        guard operationIDWaiters[operationID] != nil else {
            operationIDWaiters[operationID] = []
            return
        }
        await withCheckedContinuation { operationIDWaiters[operationID, default: []].append($0) }
    }

    /// Hands `operationID` to the next waiting enqueue, if any.
    private func release(_ operationID: OperationID) {
        guard var waiters = operationIDWaiters[operationID], !waiters.isEmpty else {
            operationIDWaiters[operationID] = nil
            return
        }
        let next = waiters.removeFirst()
        operationIDWaiters[operationID] = waiters
        next.resume()
    }

    private func notCancellable(_ request: MessageRequest) -> QueueError {
        QueueError(
            code: .notCancellable,
            reason: "request \(request.id) is \(request.state.rawValue); only accepted or retryScheduled requests "
                + "can be cancelled",
            source: "cancel"
        )
    }
}
