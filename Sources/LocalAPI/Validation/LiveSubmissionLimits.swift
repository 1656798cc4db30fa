import Synchronization

/// The submission limits in force (`api.maxMessageBytes`, the body size it needs, `api.maxWait`), shared by the
/// routes and whoever changes them while the server runs (a configuration reload).
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
        /// The largest request body, in bytes: ``LiveSubmissionLimits/minimumBodyBytes``, or more when the message
        /// limit needs it (see ``bodyBytes(forMessagesOf:atLeast:)``).
        public var maximumBodyBytes: Int
    }

    /// The body limit below which a larger message limit does not lower it (``APIConfiguration/maximumBodyBytes``).
    public let minimumBodyBytes: Int
    private let limits: Mutex<Limits>

    /// Creates the holder with `rules` and `maximumWait` in force, and a body limit of at least `minimumBodyBytes`.
    public init(rules: SubmissionRules, maximumWait: Duration, minimumBodyBytes: Int = 64 * 1024) {
        self.minimumBodyBytes = minimumBodyBytes
        limits = Mutex(
            Limits(
                rules: rules,
                maximumWait: maximumWait,
                maximumBodyBytes: Self.bodyBytes(forMessagesOf: rules.maximumMessageBytes, atLeast: minimumBodyBytes)
            )
        )
    }

    /// The body limit for messages of up to `messageBytes`: four bytes of body per byte of message, or `minimum`
    /// when that is more (the default 16 KiB message limit gives the default 64 KiB). Four is what text as JSON
    /// writers escape it can take: two bytes for a line break or a quote, six for a `\u` escape of a character
    /// that UTF-8 writes in two or three. A larger body is refused unread, so the limit bounds what one request
    /// makes the daemon hold.
    public static func bodyBytes(forMessagesOf messageBytes: Int, atLeast minimum: Int) -> Int {
        max(minimum, 4 * messageBytes)
    }

    /// The limits in force now.
    public var current: Limits {
        limits.withLock { $0 }
    }

    /// Replaces the configured limits: the largest message text in UTF-8 bytes, and the longest wait.
    public func set(maximumMessageBytes: Int, maximumWait: Duration) {
        let bodyBytes = Self.bodyBytes(forMessagesOf: maximumMessageBytes, atLeast: minimumBodyBytes)
        limits.withLock {
            $0.rules.maximumMessageBytes = maximumMessageBytes
            $0.maximumWait = maximumWait
            $0.maximumBodyBytes = bodyBytes
        }
    }
}
