import Foundation

/// A capped exponential backoff schedule with full jitter: attempt `n` (from 0) waits a uniform share of
/// `min(maximum, initial × multiplierⁿ)`, never less than `minimum`.
///
/// The floor keeps a retry loop from spinning when the jitter draws zero. The defaults stay far inside UCWA's
/// 15-minute idle limit for applications (the cap is 30 s).
public struct Backoff: Hashable, Sendable {
    /// The delay before the first retry, before jitter.
    public var initial: Duration
    /// The growth factor per attempt.
    public var multiplier: Double
    /// The largest delay, before jitter.
    public var maximum: Duration
    /// The smallest delay after jitter.
    public var minimum: Duration

    /// Creates a schedule; values are clamped so that `minimum ≤ initial ≤ maximum` and `multiplier ≥ 1`.
    public init(
        initial: Duration = .seconds(1),
        multiplier: Double = 2,
        maximum: Duration = .seconds(30),
        minimum: Duration = .milliseconds(100)
    ) {
        self.minimum = max(minimum, .zero)
        self.maximum = max(maximum, self.minimum)
        self.initial = min(max(initial, self.minimum), self.maximum)
        self.multiplier = multiplier.isFinite ? max(multiplier, 1) : 2
    }

    /// The schedule of the event channel and of application re-creation: 1 s doubling to 30 s.
    public static let standard = Backoff()

    /// The capped delay of attempt `attempt` (0-based) before jitter.
    public func ceiling(attempt: Int) -> Duration {
        let initialSeconds = Self.seconds(initial)
        let maximumSeconds = Self.seconds(maximum)
        let exponent = Double(min(max(attempt, 0), 64))
        let grown = initialSeconds * pow(multiplier, exponent)
        return Self.duration(min(grown.isFinite ? grown : maximumSeconds, maximumSeconds))
    }

    /// The delay of attempt `attempt` (0-based), with full jitter drawn from `jitter`.
    public func delay(attempt: Int, jitter: JitterSource) -> Duration {
        let ceiling = Self.seconds(ceiling(attempt: attempt))
        let drawn = ceiling * jitter.unitInterval()
        return max(Self.duration(drawn), minimum)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    private static func duration(_ seconds: Double) -> Duration {
        .nanoseconds(Int64((seconds * 1e9).rounded()))
    }
}
