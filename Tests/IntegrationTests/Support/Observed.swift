import Synchronization

/// A value that changes over time (a process's output, its exit status, the datagrams on a notify socket) and
/// that tasks wait on with a bounded wait: `wait(timeout:until:)` answers as soon as the predicate holds, or
/// `nil` once the timeout passes or the value is finished without the predicate holding.
final class Observed<Value: Sendable>: Sendable {
    private struct Waiter {
        let predicate: @Sendable (Value) -> Bool
        let continuation: CheckedContinuation<Value?, Never>
        let timer: Task<Void, Never>
    }

    private struct State {
        var value: Value
        var finished = false
        var waiters: [UInt64: Waiter] = [:]
        var nextWaiter: UInt64 = 0
    }

    private let state: Mutex<State>

    init(_ value: Value) {
        state = Mutex(State(value: value))
    }

    /// The value now.
    var value: Value {
        state.withLock { $0.value }
    }

    /// Whether `finish()` was called: the value will not change any more.
    var isFinished: Bool {
        state.withLock { $0.finished }
    }

    /// Changes the value and wakes the waiters whose predicate now holds.
    func update(_ change: (inout Value) -> Void) {
        let ready = state.withLock { state -> [(Waiter, Value)] in
            change(&state.value)
            let value = state.value
            var ready: [(Waiter, Value)] = []
            for (id, waiter) in state.waiters where waiter.predicate(value) {
                state.waiters[id] = nil
                ready.append((waiter, value))
            }
            return ready
        }
        for (waiter, value) in ready {
            waiter.timer.cancel()
            waiter.continuation.resume(returning: value)
        }
    }

    /// Says that the value will not change any more; pending waits end with `nil`.
    func finish() {
        let pending = state.withLock { state -> [Waiter] in
            state.finished = true
            let pending = Array(state.waiters.values)
            state.waiters = [:]
            return pending
        }
        for waiter in pending {
            waiter.timer.cancel()
            waiter.continuation.resume(returning: nil)
        }
    }

    /// The value once `predicate` holds for it; `nil` when `timeout` passes first, when the value is finished
    /// without the predicate holding, or when the task is cancelled.
    func wait(timeout: Duration, until predicate: @escaping @Sendable (Value) -> Bool) async -> Value? {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Value?, Never>) in
                let immediate = state.withLock { state -> Value?? in
                    if predicate(state.value) { return .some(state.value) }
                    if state.finished || Task.isCancelled { return .some(nil) }
                    let timer = Task { [weak self] in
                        try? await Task.sleep(for: timeout)
                        self?.expire(id)
                    }
                    state.waiters[id] = Waiter(predicate: predicate, continuation: continuation, timer: timer)
                    return nil
                }
                if let immediate {
                    continuation.resume(returning: immediate)
                }
            }
        } onCancel: {
            expire(id)
        }
    }

    private func expire(_ id: UInt64) {
        let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
        guard let waiter else { return }
        waiter.timer.cancel()
        waiter.continuation.resume(returning: nil)
    }
}
