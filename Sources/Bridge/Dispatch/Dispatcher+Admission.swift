import Logging
import UCWA

/// How the durable queue hands stored requests to the dispatcher, takes them back, and cancels them.
extension Dispatcher {
    /// How many requests have a run: waiting for a slot or the channel, in flight, or (``RetryScheduling/inRun``)
    /// waiting for their next attempt.
    public var activeCount: Int {
        runs.count + reservedStarts
    }

    /// Whether the request has a run in this dispatcher.
    public func isActive(_ id: RequestID) -> Bool {
        runs[id] != nil
    }

    /// Starts the run of a stored request (`accepted`, or `retryScheduled` and due) if the dispatcher does not run
    /// it already, has an event channel that has not ended, and has fewer than `limit` runs. One step on this
    /// actor, so two callers never both take the last free run.
    ///
    /// The queue's admission loop calls it for each due request it read, and the enqueue that stored a request when
    /// no older one waits for room: that request then starts without waiting for the loop to read it back.
    public func admitIfRoom(_ request: MessageRequest, limit: Int) -> Admission {
        if requests[request.id] != nil || runs[request.id] != nil {
            return .alreadyRunning
        }
        guard request.state.isWaiting, hasRoom(limit: limit) else {
            return .notStarted
        }
        startRun(of: request)
        return .started
    }

    /// Promises a run to a request not stored yet, if the event channel has a P-GET out (so that the attempt can be
    /// sent at once), the dispatcher has fewer than `limit` runs and promises, and is neither stopping nor shut down.
    /// The enqueue that got the promise stores its request `dispatching`, with its first attempt, in the insert that
    /// accepts it, then calls ``startStored(_:)``; or ``releaseStart()`` when nothing was stored. That saves the
    /// attempt a commit (and a disk sync) of its own.
    public func reserveStart(limit: Int) -> Bool {
        guard hasRoom(limit: limit), !isDraining, channel?.isParked == true else { return false }
        reservedStarts += 1
        return true
    }

    /// Gives back a promise of ``reserveStart(limit:)`` whose request was not stored.
    public func releaseStart() {
        reservedStarts -= 1
    }

    /// Starts the run of a request that its enqueue stored `dispatching` with its first attempt, under a promise of
    /// ``reserveStart(limit:)``: the run sends that attempt as stored. After a shutdown nothing starts, and the
    /// stored attempt, never sent, is restored at the next start like any attempt whose POST may have gone out.
    public func startStored(_ request: MessageRequest) {
        reservedStarts -= 1
        guard !isShutDown, request.state == .dispatching, request.attempts.count == 1,
            let operationID = request.operationID, requests[request.id] == nil, runs[request.id] == nil
        else {
            return
        }
        correlator.register(operationID)
        owners[operationID] = request.id
        storedFirstAttempts.insert(request.id)
        startRun(of: request)
        logger.info("request \(request.state.rawValue)", metadata: metadata(of: request))
    }

    private func hasRoom(limit: Int) -> Bool {
        hasWorkingChannel && runs.count + reservedStarts < limit && !isShutDown
    }

    /// Takes back a request that was in flight (`dispatching`, `awaitingEvents`, `started`) when the daemon
    /// stopped. Its operationId is registered again and it waits for that operation's events:
    /// - confirmed (`awaitingEvents`/`started`) when the application was reused, so the server re-serves the
    ///   events the channel had not acknowledged; the outcome time-out then reads the invitation, never re-sends;
    /// - ambiguous otherwise (`dispatching`, whose POST may not have gone out, or a new application, which knows
    ///   nothing of it): after the grace window without events it is sent again with a new operationId.
    ///
    /// `recorded`, the progress of its operation that an acknowledged event batch carried and the request's own
    /// commit may not have stored (``RecordedProgress``), is used first; a record of another operation is ignored:
    /// - a `completed` is handed to its run, which ends the request at once, whatever the application;
    /// - a `started` of a request left `dispatching` is the proof a stored 201 would be: the request is restored as
    ///   one left `awaitingEvents` (confirmed on a reused application, where the `started` is then stored;
    ///   ambiguous on a new one, like any request in flight).
    ///
    /// - Throws: ``SubmissionError`` when the request is not in flight, has no operationId, or is already known.
    public func restore(
        _ request: MessageRequest,
        applicationReused: Bool,
        recorded: RecordedProgress? = nil
    ) throws(SubmissionError) {
        guard request.state.isInFlight, let operationID = request.operationID else {
            throw SubmissionError(
                code: .notDispatchable,
                reason: "only an in-flight request with an operationId is restored, not one in \(request.state)",
                source: "restore"
            )
        }
        try checkAdmissible(request, source: "restore")
        correlator.register(operationID)
        owners[operationID] = request.id
        let record = recorded?.operationID == operationID ? recorded : nil
        let settled = record?.isCompletion == true
        let startProven = record != nil && request.state == .dispatching
        let ambiguous = !settled && ((request.state == .dispatching && !startProven) || !applicationReused)
        restoredWaits[request.id] = ambiguous
        if ambiguous {
            count { $0.ambiguousAttempts += 1 }
        }
        let message: Logger.Message =
            if settled {
                "request restored with the outcome the last event batch before the stop carried"
            } else if ambiguous {
                "request restored; its outcome is unknown, waiting for its events before sending it again"
            } else if startProven {
                "request restored; the last event batch before the stop showed that the server has it"
            } else {
                "request restored; waiting for the events the server re-serves"
            }
        logger.info(message, metadata: metadata(of: request))
        startRun(of: request)
        if let record, settled || (startProven && applicationReused) {
            route(record.update(origin: origin))
        }
    }

    /// Cancels a request this dispatcher runs, if nothing of it is in flight.
    public func cancel(_ id: RequestID) async -> DispatchCancellation {
        guard let request = requests[id], let run = runs[id] else { return .notActive }
        guard request.state.isWaiting, !committing.contains(id) else {
            return .inFlight(request)
        }
        // Its client-supplied operationId stays reserved through the cancel: the run's end would release it.
        cancellingRuns.insert(id)
        run.cancel()
        await run.value
        cancellingRuns.remove(id)
        guard requests[id] != nil else {
            // The run ended and the dispatcher forgot it (durable queue): the queue cancels the stored row.
            if let operationID = request.operationID {
                reservedOperationIDs.remove(operationID)
            }
            return .notActive
        }
        // Retries in the run: the request outlives its run, and its cancellation is stored here.
        let stored = await transition(id, to: .cancelled)
        let final = requests[id] ?? request
        // Not stored: the request goes on as the journal holds it, in a new run that keeps its operationId reserved
        // (none after a shutdown).
        let notStored = !stored && final.state.isWaiting
        if notStored, !isShutDown {
            startRun(of: final)
            return .notStored(final)
        }
        if let operationID = final.operationID {
            reservedOperationIDs.remove(operationID)
        }
        if notStored {
            return .notStored(final)
        }
        return final.state == .cancelled ? .cancelled(final) : .inFlight(final)
    }

    /// Drops a request whose run has ended from memory; the journal keeps it.
    func forgetRequest(_ id: RequestID) {
        requests[id] = nil
        sequence[id] = nil
        restoredWaits[id] = nil
        storedFirstAttempts.remove(id)
        finishWatchers(of: id)
    }

    private func checkAdmissible(_ request: MessageRequest, source: String) throws(SubmissionError) {
        guard !isShutDown else {
            throw SubmissionError(code: .shutDown, reason: "the dispatcher was shut down", source: source)
        }
        guard requests[request.id] == nil, runs[request.id] == nil else {
            throw SubmissionError(
                code: .duplicateID,
                reason: "request \(request.id) is already running",
                source: source
            )
        }
    }
}

/// What ``Dispatcher/cancel(_:)`` did.
public enum DispatchCancellation: Sendable {
    /// The dispatcher does not run the request; the stored row decides.
    case notActive
    /// The request was cancelled and stored so.
    case cancelled(MessageRequest)
    /// An attempt is in flight (or being committed); the request cannot be cancelled now.
    case inFlight(MessageRequest)
    /// The journal did not store the cancellation (the failure is logged); the request goes on as stored.
    case notStored(MessageRequest)
}

/// What ``Dispatcher/admitIfRoom(_:limit:)`` did.
public enum Admission: Sendable, Hashable {
    /// The request's run started.
    case started
    /// The dispatcher already runs the request (or still holds it while its run ends).
    case alreadyRunning
    /// No room, no working event channel, shut down, or a state that is not admitted: the request stays on disk.
    case notStarted
}
