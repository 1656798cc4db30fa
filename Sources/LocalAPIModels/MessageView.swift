import Foundation

/// A request as `GET /v1/messages/{id}` shows it; the field names are part of the interface.
public struct MessageView: Codable, Sendable, Hashable {
    public var id: String
    public var state: MessageState
    public var conversationLog: String
    public var contentType: String
    public var operationId: String?
    public var idempotencyKey: String?
    public var attempts: [AttemptView]
    public var nextAttemptAt: Date?
    public var deadline: Date
    public var failure: FailureView?
    public var invitation: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String,
        state: MessageState,
        conversationLog: String,
        contentType: String,
        operationId: String?,
        idempotencyKey: String?,
        attempts: [AttemptView],
        nextAttemptAt: Date?,
        deadline: Date,
        failure: FailureView?,
        invitation: String?,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.state = state
        self.conversationLog = conversationLog
        self.contentType = contentType
        self.operationId = operationId
        self.idempotencyKey = idempotencyKey
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.deadline = deadline
        self.failure = failure
        self.invitation = invitation
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Encodes absent optionals as `null`, as the interface shows them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(state, forKey: .state)
        try container.encode(conversationLog, forKey: .conversationLog)
        try container.encode(contentType, forKey: .contentType)
        try container.encode(operationId, forKey: .operationId)
        try container.encode(idempotencyKey, forKey: .idempotencyKey)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(nextAttemptAt, forKey: .nextAttemptAt)
        try container.encode(deadline, forKey: .deadline)
        try container.encode(failure, forKey: .failure)
        try container.encode(invitation, forKey: .invitation)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}

/// One attempt of a request: its operationId, when it started, and what UCWA answered.
public struct AttemptView: Codable, Sendable, Hashable {
    public var operationId: String
    public var startedAt: Date
    public var httpStatus: Int?
    public var code: String?
    public var subcode: String?

    public init(operationId: String, startedAt: Date, httpStatus: Int?, code: String?, subcode: String?) {
        self.operationId = operationId
        self.startedAt = startedAt
        self.httpStatus = httpStatus
        self.code = code
        self.subcode = subcode
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(operationId, forKey: .operationId)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(httpStatus, forKey: .httpStatus)
        try container.encode(code, forKey: .code)
        try container.encode(subcode, forKey: .subcode)
    }
}

/// Why a request ended `failed` or `expired`: the UCWA code and subcode, or a local code, and a sentence.
public struct FailureView: Codable, Sendable, Hashable {
    public var code: String
    public var subcode: String?
    public var message: String

    public init(code: String, subcode: String?, message: String) {
        self.code = code
        self.subcode = subcode
        self.message = message
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(subcode, forKey: .subcode)
        try container.encode(message, forKey: .message)
    }
}
