import Synchronization

/// The submission limits in force (`api.maxMessageBytes`, `api.maxWait`), shared by the routes and whoever changes
/// them while the server runs (a configuration reload).
///
/// A request reads them once, when its handler starts: a change applies to requests that start after it, and a
/// wait already held keeps the length it was given.
public final class LiveSubmissionLimits: Sendable {
    /// What a request is checked against.
    public struct Limits: Sendable, Hashable {
        /// The limits of a submission's body.
        public var rules: SubmissionRules
        /// The longest `?wait=` honoured; longer waits are cut to it.
        public var maximumWait: Duration
    }

    private let limits: Mutex<Limits>

    /// Creates the holder with `rules` and `maximumWait` in force.
    public init(rules: SubmissionRules, maximumWait: Duration) {
        limits = Mutex(Limits(rules: rules, maximumWait: maximumWait))
    }

    /// The limits in force now.
    public var current: Limits {
        limits.withLock { $0 }
    }

    /// Replaces the configured limits: the largest message text in UTF-8 bytes, and the longest wait.
    public func set(maximumMessageBytes: Int, maximumWait: Duration) {
        limits.withLock {
            $0.rules.maximumMessageBytes = maximumMessageBytes
            $0.maximumWait = maximumWait
        }
    }
}
