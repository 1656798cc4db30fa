import Foundation
import Synchronization
import UCWA

/// How the opening of the UCWA application goes while the daemon starts: which attempt failed last, why, and when
/// the next one is due. The daemon's opener writes it; the API's `503` answers while starting
/// (``APIServiceGate``) and the daemon's `STATUS=` line read it.
///
/// Contract: ``lastFailure`` is the most recent failure recorded (a later attempt replaces an earlier one), `nil`
/// while the first attempt is under way; a failure's ``Failure/reason`` is one line of at most
/// ``maximumReasonLength`` characters and carries no secret (it is a ``UCWAClientError``'s reason).
public final class OpeningProgress: Sendable {
    /// One failed attempt.
    public struct Failure: Sendable, Hashable {
        /// The attempt's number, from 1.
        public var attempt: Int
        /// Why it failed, in a few words.
        public var reason: String
        /// When the next attempt is due, on the wall clock.
        public var nextAttemptAt: Date

        public init(attempt: Int, reason: String, nextAttemptAt: Date) {
            self.attempt = attempt
            self.reason = reason
            self.nextAttemptAt = nextAttemptAt
        }
    }

    /// The longest ``Failure/reason`` kept; a longer one is cut and ends with `…`.
    public static let maximumReasonLength = 200

    private let failure = Mutex<Failure?>(nil)

    public init() {}

    /// The most recent failed attempt, if any.
    public var lastFailure: Failure? {
        failure.withLock { $0 }
    }

    /// Records that attempt `attempt` failed with `error` and that the next one comes after `retryIn`.
    public func recordFailure(attempt: Int, error: any Error, retryIn: Duration, now: Date = Date()) {
        let seconds = Double(retryIn.components.seconds) + Double(retryIn.components.attoseconds) / 1e18
        let recorded = Failure(
            attempt: attempt,
            reason: Self.reason(of: error),
            nextAttemptAt: now.addingTimeInterval(seconds)
        )
        failure.withLock { $0 = recorded }
    }

    /// `error` in one short line: a ``UCWAClientError``'s reason, otherwise its description.
    public static func reason(of error: any Error) -> String {
        let text = (error as? UCWAClientError)?.reason ?? String(describing: error)
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard line.count > maximumReasonLength else { return line }
        return String(line.prefix(maximumReasonLength - 1)) + "…"
    }
}
