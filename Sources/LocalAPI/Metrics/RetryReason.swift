import Bridge

/// The `reason` label of a retry: what the attempt before it got. Bounded: UCWA codes, HTTP statuses, or
/// `noAnswer`.
enum RetryReason {
    /// The reason of the retry `request` (in `retryScheduled`) waits for.
    static func of(_ request: MessageRequest) -> String {
        guard let attempt = request.currentAttempt else { return "unknown" }
        if let code = attempt.code {
            return attempt.subcode.map { "\(code)/\($0)" } ?? code
        }
        if let status = attempt.httpStatus {
            return "http\(status)"
        }
        return "noAnswer"
    }
}
