import Foundation
import UCWA

/// The admission loop: restores what was in flight at the last stop, then admits due requests, expires overdue
/// ones and prunes finished ones, sleeping until something is due or something happens.
extension MessageQueue {
    /// Runs until the task is cancelled or ``stop()`` is called. Store failures are logged and retried after
    /// ``QueueConfiguration/idleCheckInterval``; they never end the loop.
    ///
    /// - Parameter applicationReused: whether the UCWA application is the one of the last run (POST answered
    ///   200), which decides how in-flight requests are restored (see ``Dispatcher/restore(_:applicationReused:)``).
    public func run(applicationReused: Bool) async {
        await restoreInFlight(applicationReused: applicationReused)
        var wakes = self.wakes.makeAsyncIterator()
        let runEnded = dispatcher.runEnded
        let forwarding = Task {
            for await end in runEnded {
                self.runHasEnded(end)
            }
        }
        defer { forwarding.cancel() }
        // Each pass looks at the store once; the waits below end it (a wake, a due time, the idle interval).
        while !Task.isCancelled, !isStopping {
            passes += 1
            var nextDue: Date?
            let admittedAt = wallClock()
            do {
                try await expireOverdueIfDue()
                nextDue = try await admitDue(now: admittedAt)
                try await pruneIfDue()
            } catch {
                if Task.isCancelled || isStopping {
                    break
                }
                logger.error("the queue could not read the store; trying again", metadata: ["error": "\(error)"])
                nextDue = nil
            }
            await waitForWork(until: nextDue, admittedAt: admittedAt, wakes: &wakes)
        }
    }

    /// Wakes the loop for the slot a run freed, unless no due request can be waiting in the store for it: the run
    /// ended its request, and a request stored now would start from its enqueue (nothing was left for the loop, no
    /// retry is due, no pass runs). A run that scheduled a retry always wakes it, to read the new due time.
    private func runHasEnded(_ end: RunEnd) {
        defer {
            handledRunEnds += 1
            let satisfied = runEndWaiters.filter { $0.count <= handledRunEnds }
            runEndWaiters.removeAll { $0.count <= handledRunEnds }
            for waiter in satisfied {
                waiter.continuation.resume()
            }
        }
        if end.isFinal, !isStopping, gate.admitsDirectly(at: wallClock()) {
            skippedPasses += 1
            return
        }
        wakeInput.yield()
    }

    /// Returns once the queue has handled `count` run ends since it started running (woken its loop for them or
    /// not).
    func runEndsHandled(atLeast count: Int) async {
        guard handledRunEnds < count else { return }
        await withCheckedContinuation { runEndWaiters.append((count, $0)) }
    }

    /// Stops admitting and refuses new requests; requests already admitted keep their runs (the dispatcher's
    /// shutdown ends them).
    public func stop() {
        isStopping = true
        wakeInput.finish()
    }

    /// Whether ``stop()`` was called.
    public var isStopped: Bool { isStopping }

    /// Hands the requests that were in flight at the last stop back to the dispatcher, once; ``run()`` calls it
    /// first. Call it before the event channel starts, so that the events the server re-serves find their
    /// operationIds registered.
    public func restoreInFlight(applicationReused: Bool) async {
        guard !hasRestored else { return }
        hasRestored = true
        var cursor: RequestCursor?
        var restored = 0
        // Bounded by the stored rows: each page moves the cursor forward.
        repeat {
            let page: RequestPage
            do {
                page = try await store.inFlightRequests(after: cursor, limit: RequestStore.maximumPageSize)
            } catch {
                logger.error("in-flight requests could not be read at start", metadata: ["error": "\(error)"])
                return
            }
            let inFlight = page.requests.filter(\.state.isInFlight)
            let recorded: [RequestID: RecordedProgress]
            do {
                recorded = try await store.recordedProgress(of: inFlight.map(\.id))
            } catch {
                logger.error(
                    """
                    the progress recorded with the last event batches could not be read: a request whose outcome \
                    such a batch carried waits for its outcome time-out, or, left dispatching, may be sent again
                    """,
                    metadata: ["error": "\(error)"]
                )
                recorded = [:]
            }
            for request in inFlight {
                do {
                    try await dispatcher.restore(
                        request,
                        applicationReused: applicationReused,
                        recorded: recorded[request.id]
                    )
                    restored += 1
                } catch {
                    logger.error(
                        "an in-flight request could not be restored",
                        metadata: ["request-id": "\(request.id)", "error": "\(error)"]
                    )
                }
            }
            cursor = page.next
        } while cursor != nil
        if restored > 0 {
            logger.notice(
                "requests in flight at the last stop restored",
                metadata: ["requests": "\(restored)", "application": applicationReused ? "reused" : "created"]
            )
        }
    }

    /// Admits due requests while the dispatcher has room; returns when the next retry falls due. Tells the
    /// ``AdmissionGate`` whether due requests stayed on disk.
    private func admitDue(now: Date) async throws(StoreError) -> Date? {
        gate.passBegins()
        defer { gate.passEnds() }
        // Without a working event channel an admitted run could only wait for one, where neither the queue's
        // deadlines nor a cancel reach it: requests stay on disk until a channel is attached.
        guard await dispatcher.hasWorkingChannel else { return try await store.nextAttemptDate() }
        let active = await dispatcher.activeCount
        let capacity = configuration.admissionLimit - active
        guard capacity > 0 else { return try await store.nextAttemptDate() }
        // Rows the dispatcher already runs, or being cancelled, are still due in the store: read past them.
        let limit = capacity + active + cancelling.count
        let candidates = try await store.admissionCandidates(now: now, limit: limit)
        // A full page may have more due rows behind it (the store caps a page at its maximum size).
        var leftWaiting = candidates.due.count >= min(limit, RequestStore.maximumPageSize)
        for request in candidates.due where !cancelling.contains(request.id) {
            guard !gate.wasCancelledDuringPass(request.id) else { continue }
            // The dispatcher checks the room itself: enqueues may have started runs since `active` was read. A
            // request it already runs was admitted earlier, or by the enqueue that stored it.
            guard await dispatcher.admitIfRoom(request, limit: configuration.admissionLimit) != .notStarted else {
                leftWaiting = true
                break
            }
        }
        gate.passAdmitted(leftWaiting: leftWaiting, nextRetryAt: candidates.nextAttemptAt)
        return candidates.nextAttemptAt
    }

    /// Expires overdue requests, at most once per ``QueueConfiguration/expiryCheckInterval``: deadlines are coarse,
    /// and a pass runs at every enqueue and every run's end.
    private func expireOverdueIfDue() async throws(StoreError) {
        if let lastExpiryCheck, clock.now - lastExpiryCheck < configuration.expiryCheckInterval {
            return
        }
        lastExpiryCheck = clock.now
        try await expireOverdue()
    }

    private func expireOverdue() async throws(StoreError) {
        let now = wallClock()
        let overdue = try await store.overdueRequests(now: now, limit: RequestStore.maximumPageSize)
        for var request in overdue {
            guard await !dispatcher.isActive(request.id) else { continue }
            let last = request.currentAttempt.map { attempt in
                "; last attempt: \(attempt.httpStatus.map(String.init) ?? "no answer") "
                    + "\(attempt.code ?? "-")/\(attempt.subcode ?? "-")"
            }
            request.failure = RequestFailure(
                code: "DeadlinePassed",
                message: "the deadline passed while the request waited in the queue" + (last ?? "")
            )
            request.nextAttemptAt = nil
            do {
                try request.move(to: .expired, at: now)
                try await store.record(request)
            } catch {
                continue
            }
            changes.publish(request)
            logger.info("request expired", metadata: ["request-id": "\(request.id)", "event": "request-expired"])
        }
    }

    private func pruneIfDue() async throws(StoreError) {
        if let lastPrune, clock.now - lastPrune < configuration.pruneInterval {
            return
        }
        lastPrune = clock.now
        let cutoff = wallClock().addingTimeInterval(-configuration.retention.timeInterval)
        let deleted = try await store.deleteFinished(olderThan: cutoff)
        if deleted > 0 {
            logger.info("finished requests past their retention deleted", metadata: ["requests": "\(deleted)"])
        }
    }

    /// How soon the loop looks again at a request that was due at a pass but not admitted.
    static let blockedDueRecheck = Duration.seconds(1)

    /// Sleeps until a request is enqueued, a run ends, `nextDue` comes, or the idle interval passes: each of them
    /// yields into the one wake stream.
    ///
    /// A `nextDue` not after `admittedAt` belongs to a request that was due when the pass admitted and is still
    /// stored waiting: no slot or channel was free, or it was admitted and its run has not stored its attempt yet.
    /// Sleeping "until" that past time would spin the loop for as long; it looks again a little later instead (or
    /// at the next wake, such as a run's end).
    private func waitForWork(
        until nextDue: Date?,
        admittedAt: Date,
        wakes: inout AsyncStream<Void>.AsyncIterator
    ) async {
        // The clock is read before the wall clock: should time move between the two reads, the wait ends early
        // (and the next pass looks again), never late.
        let start = clock.now
        var delay = configuration.idleCheckInterval
        if let nextDue, nextDue <= admittedAt {
            delay = min(delay, Self.blockedDueRecheck)
        } else if let nextDue {
            let untilDue = Duration.seconds(max(0, nextDue.timeIntervalSince(wallClock())))
            delay = min(delay, untilDue)
        }
        guard delay > .zero else { return }
        let deadline = start + delay
        let clock = clock
        let wakeInput = wakeInput
        // A cancelled timer must not wake the loop: that wake would end the next wait at once, for ever.
        let timer = Task {
            do {
                try await clock.sleep(until: deadline)
                wakeInput.yield()
            } catch {
                return
            }
        }
        _ = await wakes.next(isolation: self)
        timer.cancel()
    }
}
