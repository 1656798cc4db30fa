/// When to try a request again after an attempt that may be retried, and when to stop.
///
/// The delay grows exponentially from `initialDelay` by `multiplier` per failed attempt, is capped
/// at `maximumDelay`, and is then spread by `jitter` so that many requests failing together do
/// not retry together. A request stops when `maximumAttempts` have been made or when the next
/// attempt would start after its deadline. The policy is a value: the random source is passed in,
/// so the same generator state always gives the same schedule.
public struct RetryPolicy: Sendable, Hashable {
    /// How the capped delay is spread.
    public enum Jitter: String, Sendable, Hashable, CaseIterable {
        /// Exactly the capped exponential delay.
        case none
        /// Uniform in `0...delay` ("full jitter").
        case full
        /// Uniform in `delay/2...delay`.
        case equal
    }

    public let initialDelay: Duration
    public let multiplier: Double
    public let maximumDelay: Duration
    public let jitter: Jitter
    /// The most attempts a request gets, the first included; `nil` for no limit but the deadline.
    public let maximumAttempts: Int?
    /// How long after its acceptance a request may still be attempted.
    public let deadline: Duration

    /// The schedule DESIGN.md names: from 1 s, factor 2, capped at 5 min, full jitter, 1 h deadline.
    public static let standard = RetryPolicy(
        validated: .seconds(1),
        multiplier: 2,
        maximumDelay: .seconds(300),
        jitter: .full,
        maximumAttempts: nil,
        deadline: .seconds(3600)
    )

    /// Creates a policy, refusing values that would make no schedule or a shrinking one.
    public init(
        initialDelay: Duration,
        multiplier: Double,
        maximumDelay: Duration,
        jitter: Jitter,
        maximumAttempts: Int?,
        deadline: Duration
    ) throws(InvalidRetryPolicy) {
        guard initialDelay > .zero else {
            throw InvalidRetryPolicy(field: "initialDelay", reason: "must be greater than zero")
        }
        guard multiplier.isFinite, multiplier >= 1 else {
            throw InvalidRetryPolicy(field: "multiplier", reason: "must be a finite number of at least 1")
        }
        guard maximumDelay >= initialDelay else {
            throw InvalidRetryPolicy(field: "maxDelay", reason: "must not be shorter than initialDelay")
        }
        if let maximumAttempts, maximumAttempts < 1 {
            throw InvalidRetryPolicy(field: "maxAttempts", reason: "must be at least 1")
        }
        guard deadline > .zero else {
            throw InvalidRetryPolicy(field: "deadline", reason: "must be greater than zero")
        }
        self.init(
            validated: initialDelay,
            multiplier: multiplier,
            maximumDelay: maximumDelay,
            jitter: jitter,
            maximumAttempts: maximumAttempts,
            deadline: deadline
        )
    }

    private init(
        validated initialDelay: Duration,
        multiplier: Double,
        maximumDelay: Duration,
        jitter: Jitter,
        maximumAttempts: Int?,
        deadline: Duration
    ) {
        self.initialDelay = initialDelay
        self.multiplier = multiplier
        self.maximumDelay = maximumDelay
        self.jitter = jitter
        self.maximumAttempts = maximumAttempts
        self.deadline = deadline
    }

    /// The capped exponential delay after `failedAttempts` attempts (at least 1), before jitter.
    public func cappedDelay(afterFailedAttempts failedAttempts: Int) -> Duration {
        precondition(failedAttempts >= 1, "a delay follows at least one failed attempt")
        let initial = initialDelay.seconds
        let cap = maximumDelay.seconds
        // Growing step by step stops at the cap long before the exponent could overflow.
        var delay = initial
        var step = 1
        while step < failedAttempts, delay < cap {
            delay *= multiplier
            step += 1
        }
        return .seconds(min(delay, cap))
    }

    /// The delay after `failedAttempts` attempts, with jitter drawn from `generator`.
    public func delay(
        afterFailedAttempts failedAttempts: Int,
        using generator: inout some RandomNumberGenerator
    ) -> Duration {
        let capped = cappedDelay(afterFailedAttempts: failedAttempts).seconds
        switch jitter {
        case .none:
            return .seconds(capped)
        case .full:
            return .seconds(Double.random(in: 0...capped, using: &generator))
        case .equal:
            return .seconds(Double.random(in: (capped / 2)...capped, using: &generator))
        }
    }

    /// What to do after `failedAttempts` attempts of a request that has existed for `age`.
    public func decision(
        afterFailedAttempts failedAttempts: Int,
        age: Duration,
        using generator: inout some RandomNumberGenerator
    ) -> RetryDecision {
        if let maximumAttempts, failedAttempts >= maximumAttempts {
            return .stop(.attemptsExhausted)
        }
        let wait = delay(afterFailedAttempts: failedAttempts, using: &generator)
        if age + wait > deadline {
            return .stop(.deadlinePassed)
        }
        return .retry(after: wait)
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    fileprivate var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
