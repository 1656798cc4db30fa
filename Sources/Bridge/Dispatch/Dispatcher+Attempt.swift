import Foundation
import UCWA

/// One request's run: attempts until a terminal state, each attempt a GET of the conversation log, a POST of
/// continueMessaging and the wait for its events. Only the run changes its request, so its changes are ordered.
extension Dispatcher {
    /// A timer that fires `.timerFired(token)` into a request's signal stream, scheduled on the dispatcher's
    /// ``TimerQueue``: a task of its own per wait would cost a task, a system timer and, since an outcome time-out
    /// almost never fires, a wake-up at its deadline long after the wait ended.
    struct Timer {
        let token: UInt64
        let scheduled: TimerQueue.Token
        let queue: TimerQueue

        func cancel() {
            queue.cancel(scheduled)
        }
    }

    typealias Signals = AsyncStream<RequestSignal>.AsyncIterator

    func run(_ id: RequestID, signals stream: AsyncStream<RequestSignal>) async {
        var signals = stream.makeAsyncIterator()
        var due: Duration? = firstAttemptOffset(of: id)
        var attempted = false
        if let ambiguous = restoredWaits.removeValue(forKey: id), let operationID = requests[id]?.operationID {
            due = await awaitOutcome(id, operationID, ambiguous: ambiguous, signals: &signals)
            attempted = true
        }
        // Every pass is one attempt; the retry policy ends the loop (maximum attempts, deadline). With the durable
        // queue the run ends as soon as the next attempt time is stored: the queue admits the request again.
        while let offset = due, !Task.isCancelled {
            if attempted, configuration.retryScheduling == .byQueue {
                break
            }
            attempted = true
            if offset > clock.now {
                do {
                    try await clock.sleep(until: offset)
                } catch {
                    break
                }
            }
            due = await attempt(id, signals: &signals)
        }
        finishRun(id)
    }

    /// Now for a new request; the stored `nextAttemptAt` for a reloaded `retryScheduled` one.
    private func firstAttemptOffset(of id: RequestID) -> Duration {
        guard let request = requests[id], request.state == .retryScheduled, let at = request.nextAttemptAt else {
            return clock.now
        }
        return clock.now + .seconds(max(0, at.timeIntervalSince(wallClock())))
    }

    private func finishRun(_ id: RequestID) {
        // A client-supplied operationId stays reserved only until the request's run ends, whether or not it was used
        // (a cancel that ended the run releases it itself).
        if let operationID = requests[id]?.operationID, !cancellingRuns.contains(id) {
            reservedOperationIDs.remove(operationID)
        }
        let end = RunEnd(request: id, isFinal: requests[id]?.state.isTerminal ?? false)
        runs[id] = nil
        signalInputs[id]?.finish()
        signalInputs[id] = nil
        for (operationID, owner) in owners where owner == id {
            forget(operationID)
        }
        if configuration.retryScheduling == .byQueue {
            forgetRequest(id)
        }
        runEndedInput.yield(end)
    }

    /// Takes an in-flight slot, waits for a parked P-GET, and makes one attempt. Returns the clock offset of the
    /// next attempt, or `nil` when the request's run is over (terminal, or stopped).
    private func attempt(_ id: RequestID, signals: inout Signals) async -> Duration? {
        guard let request = requests[id], !request.state.isTerminal else { return nil }
        let priority = InFlightLimit.Priority(
            createdAt: request.createdAt.timeIntervalSince1970,
            sequence: sequence[id] ?? 0
        )
        guard await limit.acquire(priority) else { return nil }
        let next = await attemptWithSlot(id, signals: &signals)
        await limit.release()
        return next
    }

    private func attemptWithSlot(_ id: RequestID, signals: inout Signals) async -> Duration? {
        guard await channelReady(), !isDraining else {
            await rescheduleUnsentAttempt(id)
            return nil
        }
        if let request = requests[id], wallClock() >= request.deadline {
            await expire(id, because: "the deadline passed before the next attempt")
            return nil
        }
        return await dispatch(id, signals: &signals)
    }

    /// A first attempt its enqueue stored that will not be sent now, as the dispatcher is stopping: due again at once,
    /// so that nothing waits for the events of a POST that never went out. After a shutdown the store keeps it
    /// `dispatching`, and the next start restores it.
    private func rescheduleUnsentAttempt(_ id: RequestID) async {
        guard storedFirstAttempts.remove(id) != nil, !isShutDown else { return }
        let now = wallClock()
        await transition(id, to: .retryScheduled) {
            $0.nextAttemptAt = now
            $0.recordCode(RequestFailure.notSent, subcode: nil)
        }
    }

    private func dispatch(_ id: RequestID, signals: inout Signals) async -> Duration? {
        guard let request = requests[id] else { return nil }
        if storedFirstAttempts.remove(id) != nil, request.state == .dispatching, let operationID = request.operationID {
            // Its enqueue stored the attempt (``startStored(_:)``): only the GET and the POST are left.
            count { $0.attempts += 1 }
            let context = await connection.application
            let log = await Self.fetchConversationLog(of: request, in: context, through: connection)
            return await send(id, request, operationID, context: context, log: log, signals: &signals)
        }
        let operationID = (request.attempts.isEmpty ? request.operationID : nil) ?? OperationID.random()
        reservedOperationIDs.remove(operationID)
        correlator.register(operationID)
        owners[operationID] = id
        // The GET of the conversation log changes nothing on the server, so it goes out while the attempt is being
        // stored; only the POST waits for that commit.
        let context = await connection.application
        async let prefetchedLog = Self.fetchConversationLog(of: request, in: context, through: connection)
        let now = wallClock()
        committing.insert(id)
        let stored = await transition(id, to: .dispatching) {
            $0.operationID = operationID
            $0.attempts.append(Attempt(operationID: operationID, startedAt: now))
            $0.nextAttemptAt = nil
        }
        committing.remove(id)
        guard stored else {
            forget(operationID)
            // With the durable queue the stored row stays due (or was cancelled meanwhile): the queue decides.
            return configuration.retryScheduling == .byQueue ? nil : clock.now + configuration.retry.initialDelay
        }
        count { $0.attempts += 1 }
        return await send(id, request, operationID, context: context, log: await prefetchedLog, signals: &signals)
    }

    /// The rest of an attempt once it is stored `dispatching`: reads the conversation log's answer (`log`), POSTs
    /// continueMessaging to the link it gives and follows the outcome.
    private func send(
        _ id: RequestID,
        _ request: MessageRequest,
        _ operationID: OperationID,
        context: ApplicationContext?,
        log: UCWAOutcome?,
        signals: inout Signals
    ) async -> Duration? {
        guard let context, let logOutcome = log else {
            forget(operationID)
            return await retryLater(id, cause: .local, outcome: nil)
        }
        let target: String
        switch DispatchClassifier.classify(logOutcome, step: .conversationLog) {
        case .accepted:
            guard let conversationLog = try? logOutcome.response?.decode(ConversationLog.self) else {
                forget(operationID)
                await fail(
                    id,
                    RequestFailure(
                        code: RequestFailure.unexpectedResponse,
                        message: "the conversationLog href did not answer a conversationLog"
                    ),
                    outcome: logOutcome
                )
                return nil
            }
            guard let href = conversationLog.continueMessaging?.href else {
                forget(operationID)
                await fail(
                    id,
                    RequestFailure(
                        code: RequestFailure.continueMessagingUnavailable,
                        message: "the conversation log has no continueMessaging link"
                    ),
                    outcome: logOutcome
                )
                return nil
            }
            target = href
        case let classification:
            return await conclude(
                id,
                operationID,
                classification,
                outcome: logOutcome,
                generation: context.generation,
                signals: &signals
            )
        }

        let body = ContinueMessagingRequest(
            operationID: operationID,
            message: OutgoingMessage(text: request.message, format: request.contentType)
        ).encoded(as: configuration.bodyFormat)
        postsInFlight += 1
        let outcome = await connection.post(target, body: body, accept: configuration.bodyFormat)
        postFinished()
        return await conclude(
            id,
            operationID,
            DispatchClassifier.classify(outcome, step: .continueMessaging),
            outcome: outcome,
            generation: context.generation,
            signals: &signals
        )
    }

    /// `GET` of the request's conversation log, or `nil` without an open application or with an href it refuses.
    private static func fetchConversationLog(
        of request: MessageRequest,
        in context: ApplicationContext?,
        through connection: any DispatchConnection
    ) async -> UCWAOutcome? {
        guard let context, let log = try? ConversationLogHref(validating: request.conversationLog, application: context)
        else { return nil }
        return await connection.get(log.href(for: context), accept: .json)
    }

    private func conclude(
        _ id: RequestID,
        _ operationID: OperationID,
        _ classification: AttemptClassification,
        outcome: UCWAOutcome,
        generation: Int,
        signals: inout Signals
    ) async -> Duration? {
        switch classification {
        case .accepted(let location):
            if let location {
                for update in correlator.recordLocation(location, for: operationID) {
                    route(update)
                }
            }
            if requests[id]?.state == .dispatching {
                if completedOperations.contains(operationID) {
                    // The `completed` event came before the 201 was read: the answer is stored with the final state,
                    // in the commit that the outcome makes at once, not in one of its own.
                    if var request = requests[id] {
                        request.invitation = location ?? request.invitation
                        request.recordAnswer(outcome)
                        requests[id] = request
                    }
                } else {
                    await transition(id, to: .awaitingEvents) {
                        $0.invitation = location ?? $0.invitation
                        $0.recordAnswer(outcome)
                    }
                }
            }
            return await awaitOutcome(id, operationID, ambiguous: false, signals: &signals)
        case .ambiguous:
            count { $0.ambiguousAttempts += 1 }
            if let request = requests[id] {
                logger.warning(
                    "continueMessaging got no answer; waiting for events of its operationId before sending again",
                    metadata: metadata(of: request)
                )
            }
            return await awaitOutcome(id, operationID, ambiguous: true, signals: &signals)
        case .retry(let cause):
            forget(operationID)
            return await retryLater(id, cause: cause, outcome: outcome)
        case .applicationLost:
            forget(operationID)
            if let request = requests[id] {
                logger.warning(
                    "the application is gone; creating it again before the next attempt",
                    metadata: metadata(of: request)
                )
            }
            _ = try? await connection.recreateApplication(replacing: generation)
            return await retryLater(id, cause: .applicationLost, outcome: outcome)
        case .terminal(let failure):
            forget(operationID)
            await fail(id, failure, outcome: outcome)
            return nil
        }
    }

    /// Waits for the events of `operationID`. Confirmed (after a 201): until `completed`, or the outcome time-out,
    /// then reads the invitation. Ambiguous: for the grace window; any event of the operation confirms it, and
    /// nothing means it is sent again with a new operationId. A channel reset makes a confirmed attempt ambiguous.
    func awaitOutcome(
        _ id: RequestID,
        _ operationID: OperationID,
        ambiguous startsAmbiguous: Bool,
        signals: inout Signals
    ) async -> Duration? {
        var ambiguous = startsAmbiguous
        var timer = startTimer(for: id, after: ambiguous ? configuration.ambiguityGrace : configuration.outcomeTimeout)
        defer { timer.cancel() }
        // Bounded by the timer: a pass either ends the wait or handles one signal; every wait has a running timer.
        while let signal = await signals.next(isolation: self) {
            switch signal {
            case .timerFired(let token) where token == timer.token:
                if ambiguous {
                    forget(operationID)
                    count { $0.ambiguousResends += 1 }
                    if let request = requests[id] {
                        logger.warning(
                            "no event proved the attempt reached the server; sending it again with a new operationId",
                            metadata: metadata(of: request)
                        )
                    }
                    return await retryLater(
                        id,
                        cause: .outcomeStayedUnknown,
                        outcome: nil,
                        attemptCode: RequestFailure.noEvents
                    )
                }
                await checkInvitation(id, operationID)
                return nil
            case .progress(let owner, let progress) where owner == operationID:
                // Any event of the operation shows that the server has it.
                if ambiguous {
                    ambiguous = false
                    timer.cancel()
                    timer = startTimer(for: id, after: configuration.outcomeTimeout)
                }
                switch progress {
                case .started(let invitation) where completedOperations.contains(operationID):
                    // Its `completed` is later in this stream: the final state is stored then, without `started`.
                    if var request = requests[id], request.invitation == nil {
                        request.invitation = invitation?.description
                        requests[id] = request
                    }
                case .started(let invitation):
                    if let state = requests[id]?.state, state == .dispatching || state == .awaitingEvents {
                        await transition(id, to: .started) {
                            $0.invitation = $0.invitation ?? invitation?.description
                        }
                    }
                case .updated(let state):
                    if requests[id]?.state == .dispatching {
                        await transition(id, to: .awaitingEvents)
                    }
                    logger.debug(
                        "invitation updated",
                        metadata: [
                            "request-id": "\(id)", "operation-id": "\(operationID)",
                            "invitation-state": "\(state?.rawValue ?? "-")",
                        ]
                    )
                case .completed(.succeeded):
                    forget(operationID)
                    await transition(id, to: .delivered)
                    return nil
                case .completed(.failed(let reason)):
                    forget(operationID)
                    let failure =
                        reason.map { RequestFailure(reason: $0, fallback: "the invitation failed") }
                        ?? RequestFailure(code: "Failure", message: "completed with status Failure and no reason")
                    await transition(id, to: .failed) {
                        $0.failure = failure
                        $0.recordCode(failure.code, subcode: failure.subcode)
                    }
                    return nil
                }
            case .channelReset(let owner, let kind) where owner == operationID:
                count { $0.ambiguousAttempts += ambiguous ? 0 : 1 }
                ambiguous = true
                timer.cancel()
                timer = startTimer(for: id, after: configuration.ambiguityGrace)
                if let request = requests[id] {
                    logger.warning(
                        "the event channel was reset while the attempt awaited its events; grace window started",
                        metadata: metadata(of: request).merging(["reset": "\(kind.rawValue)"]) { $1 }
                    )
                }
            default:
                continue
            }
        }
        return nil
    }

    /// No `completed` came in time after a 201: reads the invitation and takes its state when it is final;
    /// otherwise the request fails with ``RequestFailure/outcomeUnknown``. Never sends the request again.
    private func checkInvitation(_ id: RequestID, _ operationID: OperationID) async {
        forget(operationID)
        count { $0.outcomeChecks += 1 }
        var seen = "could not be read"
        if let href = requests[id]?.invitation {
            let outcome = await connection.get(href, accept: .json)
            if case .success(let response) = outcome,
                let invitation = try? response.decode(MessagingInvitation.self), let state = invitation.state
            {
                if state == .connected {
                    await transition(id, to: .delivered)
                    return
                }
                if state == .failed || state == .declined || state == .cancelled {
                    await fail(
                        id,
                        RequestFailure(
                            code: RequestFailure.invitationFailed,
                            subcode: state.rawValue,
                            message: "no completed event came; the invitation's state is \(state)"
                        ),
                        outcome: nil
                    )
                    return
                }
                seen = "is still \(state)"
            } else if let status = outcome.httpStatus {
                seen = "answered \(status)"
            }
        } else {
            seen = "is not known (no Location)"
        }
        await fail(
            id,
            RequestFailure(
                code: RequestFailure.outcomeUnknown,
                message: "no completed event within \(configuration.outcomeTimeout) after the 201, and the "
                    + "invitation \(seen); the server did receive the request, so it is not sent again"
            ),
            outcome: nil
        )
    }

    /// Schedules the next attempt by the retry policy, or ends the request when the policy says stop.
    private func retryLater(
        _ id: RequestID,
        cause: RetryCause,
        outcome: UCWAOutcome?,
        attemptCode: String? = nil
    ) async -> Duration? {
        guard let request = requests[id] else { return nil }
        let now = wallClock()
        let age = Duration.seconds(max(0, now.timeIntervalSince(request.createdAt)))
        var generator = random
        let decision = Self.decide(
            configuration.retry,
            afterFailedAttempts: max(1, request.attempts.count),
            age: age,
            using: &generator
        )
        random = generator
        switch decision {
        case .retry(let wait):
            let at = now.addingTimeInterval(wait.timeInterval)
            guard at <= request.deadline else {
                await expire(id, because: "the next attempt would start after the deadline", outcome: outcome)
                return nil
            }
            let offset = clock.now + wait
            count { $0.retries += 1 }
            await transition(id, to: .retryScheduled) {
                $0.nextAttemptAt = at
                $0.recordAnswer(outcome)
                if let attemptCode {
                    $0.recordCode(attemptCode, subcode: nil)
                }
            }
            logger.debug(
                "retry scheduled",
                metadata: ["request-id": "\(id)", "cause": "\(cause.rawValue)", "delay": "\(wait)"]
            )
            return offset
        case .stop(.deadlinePassed):
            await expire(id, because: "the next attempt would start after the deadline", outcome: outcome)
            return nil
        case .stop(.attemptsExhausted):
            let reason = outcome?.errorReason
            await fail(
                id,
                RequestFailure(
                    code: reason?.code.rawValue ?? RequestFailure.attemptsExhausted,
                    subcode: reason?.subcode?.rawValue,
                    message: "gave up after \(request.attempts.count) attempts (last: \(cause.rawValue))"
                ),
                outcome: outcome
            )
            return nil
        }
    }

    /// Opens the stored generator for the policy's generic `decision`.
    private static func decide<G: RandomNumberGenerator>(
        _ policy: RetryPolicy,
        afterFailedAttempts failedAttempts: Int,
        age: Duration,
        using generator: inout G
    ) -> RetryDecision {
        policy.decision(afterFailedAttempts: failedAttempts, age: age, using: &generator)
    }

    private func fail(_ id: RequestID, _ failure: RequestFailure, outcome: UCWAOutcome?) async {
        await transition(id, to: .failed) {
            $0.failure = failure
            $0.recordAnswer(outcome)
            if outcome?.errorReason == nil, outcome?.httpStatus != nil {
                $0.recordCode(failure.code, subcode: failure.subcode)
            }
        }
    }

    private func expire(_ id: RequestID, because reason: String, outcome: UCWAOutcome? = nil) async {
        await transition(id, to: .expired) {
            $0.recordAnswer(outcome)
            let last = $0.currentAttempt.map { attempt in
                "; last attempt: \(attempt.httpStatus.map(String.init) ?? "no answer") "
                    + "\(attempt.code ?? "-")/\(attempt.subcode ?? "-")"
            }
            $0.failure = RequestFailure(
                code: "DeadlinePassed",
                subcode: nil,
                message: reason + (last ?? "")
            )
            $0.nextAttemptAt = nil
        }
    }

    /// Unregisters an attempt's operationId: its later events are ignored.
    func forget(_ operationID: OperationID) {
        correlator.unregister(operationID)
        owners[operationID] = nil
        completedOperations.remove(operationID)
    }

    /// Starts a timer whose deadline is fixed now; it fires `.timerFired(token)` into the request's stream, unless
    /// cancelled first.
    private func startTimer(for id: RequestID, after delay: Duration) -> Timer {
        nextTimer += 1
        let token = nextTimer
        let input = signalInputs[id]
        let scheduled = timers.schedule(at: clock.now + delay) {
            input?.yield(.timerFired(token))
        }
        return Timer(token: token, scheduled: scheduled, queue: timers)
    }
}

extension MessageRequest {
    /// Stores the POST's answer (status, UCWA code and subcode) in the current attempt.
    fileprivate mutating func recordAnswer(_ outcome: UCWAOutcome?) {
        guard let outcome, !attempts.isEmpty else { return }
        attempts[attempts.count - 1].httpStatus = outcome.httpStatus ?? attempts[attempts.count - 1].httpStatus
        if let reason = outcome.errorReason {
            recordCode(reason.code.rawValue, subcode: reason.subcode?.rawValue)
        }
    }

    fileprivate mutating func recordCode(_ code: String, subcode: String?) {
        guard !attempts.isEmpty else { return }
        attempts[attempts.count - 1].code = code
        attempts[attempts.count - 1].subcode = subcode
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
