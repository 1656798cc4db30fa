import Synchronization

/// Asks every ``LivenessCheck`` to answer within a deadline: the watchdog's evidence that the daemon is not wedged.
///
/// Contract:
/// - ``probe(within:clock:)`` starts one round: every check runs in a task of its own, and the round ends as soon
///   as all have answered (``Verdict/alive``) or when the deadline passes on the given clock
///   (``Verdict/unresponsive(_:)`` with the names of those that did not answer).
/// - A check that did not answer stays outstanding. While any is, a new round starts nothing and is
///   ``Verdict/unresponsive(_:)`` at once: a wedged part is not sent a new probe every interval, so unanswered
///   probes do not pile up. Once the late checks answer, rounds start again.
/// - One caller at a time (the watchdog's loop); a cancelled caller gets the verdict as it stands.
final class LivenessProbe: Sendable {
    /// The outcome of one round.
    enum Verdict: Sendable, Hashable {
        /// Every check answered within the deadline.
        case alive
        /// These checks have not answered (in the order of the checks).
        case unresponsive([String])
    }

    private typealias Waiter = CheckedContinuation<Void, Never>

    private struct State {
        var outstanding: Set<Int> = []
        var round: UInt64 = 0
        var expired = false
        var waiter: Waiter?
        var idleWaiters: [Waiter] = []
    }

    let checks: [LivenessCheck]
    private let state = Mutex(State())

    init(checks: [LivenessCheck]) {
        self.checks = checks
    }

    /// Runs one round bounded by `deadline` on `clock`; see the type's contract.
    func probe<C: Clock>(within deadline: Duration, clock: C) async -> Verdict where C.Duration == Duration {
        let round = state.withLock { state -> UInt64? in
            guard state.outstanding.isEmpty else { return nil }
            state.round += 1
            state.expired = false
            state.outstanding = Set(checks.indices)
            return state.round
        }
        guard let round else {
            return verdict()
        }
        for index in checks.indices {
            let check = checks[index]
            Task { [self] in
                await check.answer()
                answered(index)
            }
        }
        let timer = Task { [self] in
            try? await clock.sleep(for: deadline)
            expire(round)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: Waiter) in
                let ended = state.withLock { state -> Bool in
                    if state.outstanding.isEmpty || state.expired || Task.isCancelled {
                        return true
                    }
                    state.waiter = continuation
                    return false
                }
                if ended {
                    continuation.resume()
                }
            }
        } onCancel: {
            expire(round)
        }
        timer.cancel()
        return verdict()
    }

    /// Returns once no check is outstanding (at once when none is).
    func idle() async {
        await withCheckedContinuation { (continuation: Waiter) in
            let isIdle = state.withLock { state -> Bool in
                guard state.outstanding.isEmpty else {
                    state.idleWaiters.append(continuation)
                    return false
                }
                return true
            }
            if isIdle {
                continuation.resume()
            }
        }
    }

    private func verdict() -> Verdict {
        let outstanding = state.withLock { $0.outstanding }
        guard !outstanding.isEmpty else { return .alive }
        return .unresponsive(outstanding.sorted().map { checks[$0].name })
    }

    private func answered(_ index: Int) {
        let (waiter, idleWaiters) = state.withLock { state -> (Waiter?, [Waiter]) in
            state.outstanding.remove(index)
            guard state.outstanding.isEmpty else { return (nil, []) }
            let waiters = (state.waiter, state.idleWaiters)
            state.waiter = nil
            state.idleWaiters = []
            return waiters
        }
        waiter?.resume()
        for idleWaiter in idleWaiters {
            idleWaiter.resume()
        }
    }

    private func expire(_ round: UInt64) {
        let waiter = state.withLock { state -> Waiter? in
            guard state.round == round else { return nil }
            state.expired = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }
}
