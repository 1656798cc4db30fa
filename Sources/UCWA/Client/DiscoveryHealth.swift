import Synchronization

/// Decides when the cached discovery result is no longer trusted: after a 403 or a 502, or after a number of
/// consecutive connection failures (protocol notes §1.1). Any other response resets the failure count.
final class DiscoveryHealth: Sendable {
    private struct State {
        var consecutiveFailures = 0
        var stale = false
    }

    private let threshold: Int
    private let state = Mutex(State())

    init(threshold: Int) {
        self.threshold = max(threshold, 1)
    }

    /// Takes note of one request's outcome.
    func record(_ outcome: UCWAOutcome) {
        state.withLock { state in
            switch outcome {
            case .success, .ucwaError, .infrastructureError:
                state.consecutiveFailures = 0
                if outcome.httpStatus == 403 || outcome.httpStatus == 502 {
                    state.stale = true
                }
            case .notSent(let error), .ambiguous(let error):
                guard error.code == .connectionFailed || error.code == .connectionLost else { return }
                state.consecutiveFailures += 1
                if state.consecutiveFailures >= threshold {
                    state.stale = true
                }
            }
        }
    }

    /// Whether discovery must be redone; reading it clears the flag.
    func takeStale() -> Bool {
        state.withLock { state in
            defer {
                state.stale = false
                state.consecutiveFailures = 0
            }
            return state.stale
        }
    }
}
