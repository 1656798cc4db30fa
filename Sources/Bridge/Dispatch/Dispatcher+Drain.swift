/// Stopping without losing answers: no new attempt starts, and POSTs already sent get their answer.
extension Dispatcher {
    /// Stops starting attempts and waits, at most `within`, until no continueMessaging POST is awaiting its answer,
    /// so that each of them is stored as answered (`awaitingEvents`, `retryScheduled`, `failed`) rather than left
    /// ambiguous in `dispatching`. Requests that had not started an attempt keep their stored state. Returns the
    /// number of POSTs still unanswered when the time ran out. Call ``shutdown()`` afterwards.
    @discardableResult
    public func drain<C: Clock>(within: Duration, clock: C) async -> Int where C.Duration == Duration {
        isDraining = true
        guard postsInFlight > 0 else { return 0 }
        let timer = Task {
            do {
                try await clock.sleep(for: within)
                self.releaseDrainWaiters()
            } catch {
                return
            }
        }
        await withCheckedContinuation { drainWaiters.append($0) }
        timer.cancel()
        return postsInFlight
    }

    /// Counts one POST answered and wakes ``drain(within:clock:)`` when it was the last.
    func postFinished() {
        postsInFlight -= 1
        if postsInFlight == 0 {
            releaseDrainWaiters()
        }
    }

    private func releaseDrainWaiters() {
        let waiters = drainWaiters
        drainWaiters = []
        for waiter in waiters {
            waiter.resume()
        }
    }
}
