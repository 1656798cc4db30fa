/// The outcome of asking a `RetryPolicy` about a request whose attempt may be retried.
public enum RetryDecision: Sendable, Hashable {
    /// Try again after this delay.
    case retry(after: Duration)
    /// Give up; the request ends in a terminal state for this reason.
    case stop(RetryStopReason)
}

/// Why a `RetryPolicy` gave up on a request.
public enum RetryStopReason: String, Sendable, Hashable {
    /// The request had as many attempts as the policy allows.
    case attemptsExhausted
    /// The next attempt would start after the request's deadline.
    case deadlinePassed
}
