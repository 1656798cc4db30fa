import Synchronization

/// Tells held requests that the server is stopping, so that a `?wait=` answers at once instead of keeping the
/// shutdown waiting.
final class ShutdownSignal: Sendable {
    private struct State {
        var begun = false
        var next: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    /// Whether the server is stopping.
    var isBegun: Bool { state.withLock { $0.begun } }

    /// Wakes every waiter, now and later.
    func begin() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.begun = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters {
            waiter.resume()
        }
    }

    /// Returns once ``begin()`` was called, or when the task is cancelled.
    func wait() async {
        let key = state.withLock { state -> UInt64 in
            state.next += 1
            return state.next
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.begun || Task.isCancelled { return true }
                    state.waiters[key] = continuation
                    return false
                }
                if resumeNow {
                    continuation.resume()
                }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: key) }?.resume()
        }
    }

    /// The value of `body`, or `nil` when the server starts stopping first (`body` is then cancelled).
    func unlessStopping<T: Sendable>(_ body: @escaping @Sendable () async -> T) async -> T? {
        await withTaskGroup(of: T?.self) { group in
            group.addTask { await body() }
            group.addTask {
                await self.wait()
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}
