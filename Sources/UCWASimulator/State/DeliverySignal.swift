import Synchronization

/// Fires once the event channel response carrying a batch was written (or failed to be), so
/// that a `continueMessaging` POST can hold its 201 until its `started` event is out.
final class DeliverySignal: Sendable {
    private struct State {
        var fired = false
        var waiters: [@Sendable () -> Void] = []
    }

    private let state = Mutex(State())

    func fire() {
        let waiters = state.withLock { state in
            state.fired = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters {
            waiter()
        }
    }

    /// Runs `action` once the signal fired: at once (on this thread) if it already did, else on
    /// the thread that fires it.
    func whenFired(_ action: @escaping @Sendable () -> Void) {
        let fired = state.withLock { state in
            if !state.fired {
                state.waiters.append(action)
            }
            return state.fired
        }
        if fired {
            action()
        }
    }
}
