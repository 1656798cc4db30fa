import Foundation
import UCWA

/// What a client asks the queue to send, before it becomes a ``MessageRequest``.
public struct MessageDraft: Sendable, Hashable {
    /// The id the request gets when it is stored as new, known before it is stored so that a wait on it can start
    /// first (``MessageQueue/watch(_:until:)``).
    public var id: RequestID
    public var conversationLog: String
    public var message: String
    public var contentType: MessageFormat
    public var operationID: OperationID?
    public var idempotencyKey: String?
    /// When to give up; the queue's default deadline from now when `nil`.
    public var deadline: Date?

    public init(
        id: RequestID = .random(),
        conversationLog: String,
        message: String,
        contentType: MessageFormat = .plain,
        operationID: OperationID? = nil,
        idempotencyKey: String? = nil,
        deadline: Date? = nil
    ) {
        self.id = id
        self.conversationLog = conversationLog
        self.message = message
        self.contentType = contentType
        self.operationID = operationID
        self.idempotencyKey = idempotencyKey
        self.deadline = deadline
    }
}
