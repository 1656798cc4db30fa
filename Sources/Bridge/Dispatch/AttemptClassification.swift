import UCWA

/// What one step of an attempt (the conversation log's GET, the continueMessaging POST) means for the request.
public enum AttemptClassification: Sendable, Hashable {
    /// The step succeeded; for the POST, the 201's `Location` when it had one.
    case accepted(location: String?)
    /// The server did not act on the request, and trying again later may work.
    case retry(RetryCause)
    /// 404 `ApplicationNotFound` / 410 `InactiveApplicationExpired`: create the application again, then retry.
    case applicationLost
    /// The POST may or may not have reached the server (no answer came back).
    case ambiguous
    /// Never retried: the request fails with this code and subcode.
    case terminal(RequestFailure)
}

/// Why an attempt may be retried; a retry after ``callbackChannelError`` waits for a parked P-GET first.
public enum RetryCause: String, Sendable, Hashable {
    /// 500 `ServiceFailure/CallbackChannelError`: the server saw no event channel.
    case callbackChannelError
    /// 429, or 408.
    case throttled
    /// A 5xx, with or without a UCWA body.
    case serverError
    /// The request provably did not reach the server (connection refused, authentication failed, ...).
    case notSent
    /// A GET whose connection was lost (a GET is safe to repeat).
    case connectionLost
    /// The application was lost and has been created again.
    case applicationLost
    /// The dispatcher's own reason: the journal could not store the attempt, or no application is open.
    case local
    /// The attempt's outcome stayed unknown for the whole grace window; it is sent again with a new operationId.
    case outcomeStayedUnknown
}
