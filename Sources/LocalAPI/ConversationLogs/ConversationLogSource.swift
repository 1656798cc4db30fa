import LocalAPIModels

/// What `GET /v1/conversation-logs` lists. ``ConversationLogDirectory`` is the daemon's.
public protocol ConversationLogSource: Sendable {
    /// The account's conversation logs, newest first.
    ///
    /// - Throws: ``APIError`` (``APIError/Code/unavailable`` while no application is open,
    ///   ``APIError/Code/upstreamFailure`` when UCWA does not answer usefully).
    func conversationLogs() async throws(APIError) -> [ConversationLogView]
}
