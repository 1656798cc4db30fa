import Foundation

/// The body of `POST /v1/messages`. Unknown fields are refused by the server.
public struct MessageSubmission: Codable, Sendable, Hashable {
    /// The href of the conversation log to continue, relative to the UCWA origin or absolute on it.
    public var conversationLog: String
    /// The message text (plain text or HTML, see `contentType`).
    public var message: String
    /// `text/plain` (the default) or `text/html`.
    public var contentType: String?
    /// The operationId of the first attempt: at most 50 characters of `[A-Za-z0-9._-]`.
    public var operationId: String?
    /// A second submission with the same key returns the first request instead of queueing a new one.
    public var idempotencyKey: String?
    /// When the daemon gives up; the configured default (one hour) when absent.
    public var deadline: Date?

    public init(
        conversationLog: String,
        message: String,
        contentType: String? = nil,
        operationId: String? = nil,
        idempotencyKey: String? = nil,
        deadline: Date? = nil
    ) {
        self.conversationLog = conversationLog
        self.message = message
        self.contentType = contentType
        self.operationId = operationId
        self.idempotencyKey = idempotencyKey
        self.deadline = deadline
    }
}
