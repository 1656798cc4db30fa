/// One `continueMessaging` request as the simulator received it, with what it answered.
/// Duplicates (the same operationId twice) are recorded twice.
public struct ReceivedContinueMessaging: Sendable, Hashable, Codable {
    /// 1 for the first request received, then consecutive.
    public var sequence: Int
    /// The application id from the path.
    public var application: String
    /// The conversationLog href the request was posted on (the path without `/continueMessaging`).
    public var conversationLog: String
    /// The request's `Content-Type` header, as sent.
    public var contentType: String?
    public var operationId: String?
    /// The `message` link's href (a data: URI), as sent.
    public var messageHref: String?
    /// The text decoded from the data: URI, when it could be decoded.
    public var messageText: String?
    /// The HTTP status answered, or nil when the connection was closed without an answer.
    public var httpStatus: Int?

    /// True when the simulator closed the connection instead of answering.
    public var connectionClosed: Bool { httpStatus == nil }
}
