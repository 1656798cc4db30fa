import Foundation
import UCWA

/// One "continue this conversation log with this message" request, as the bridge stores and shows it.
///
/// A value: the dispatcher changes a copy and hands every changed copy to its ``RequestJournal``. Its state
/// changes only through ``move(to:at:)``, which checks ``RequestState/allows(_:)`` and stamps ``updatedAt``.
public struct MessageRequest: Hashable, Sendable, Codable {
    public var id: RequestID
    /// The conversationLog href as the client gave it (on the UCWA origin, under an application).
    public var conversationLog: String
    /// The message text, plain or HTML according to ``contentType``.
    public var message: String
    public var contentType: MessageFormat
    /// The operationId of the current (latest) attempt; before the first attempt, the client-supplied one, if any,
    /// which only the first attempt may use.
    public var operationID: OperationID?
    public var idempotencyKey: String?
    /// After this instant no new attempt starts; the request ends `expired`.
    public var deadline: Date
    /// Where the request is; change it with ``move(to:at:)`` only.
    public private(set) var state: RequestState
    /// Every attempt, oldest first; each has its own operationId.
    public var attempts: [Attempt]
    /// When the next attempt is due, while ``state`` is `retryScheduled`.
    public var nextAttemptAt: Date?
    /// Why the request failed, once it has.
    public var failure: RequestFailure?
    /// The messagingInvitation href (the 201's `Location`, or the one a `started` event names), once known.
    public var invitation: String?
    public var createdAt: Date
    /// When the state last changed (stamped by ``move(to:at:)``).
    public private(set) var updatedAt: Date

    /// A new request in state `accepted`.
    public init(
        id: RequestID = .random(),
        conversationLog: String,
        message: String,
        contentType: MessageFormat = .plain,
        operationID: OperationID? = nil,
        idempotencyKey: String? = nil,
        deadline: Date,
        createdAt: Date
    ) {
        self.id = id
        self.conversationLog = conversationLog
        self.message = message
        self.contentType = contentType
        self.operationID = operationID
        self.idempotencyKey = idempotencyKey
        self.deadline = deadline
        self.state = .accepted
        self.attempts = []
        self.nextAttemptAt = nil
        self.failure = nil
        self.invitation = nil
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }

    /// The one way to change the state: refuses what the state machine does not allow, and stamps `updatedAt`.
    public mutating func move(to next: RequestState, at now: Date) throws(InvalidTransition) {
        guard state.allows(next) else {
            throw InvalidTransition(from: state, to: next)
        }
        state = next
        updatedAt = now
    }

    /// Moves a new `accepted` request to `dispatching` with its first attempt, under the client's operationId if it
    /// gave one, else a new one: what the enqueue that may start it at once stores.
    public mutating func startFirstAttempt(at now: Date) {
        guard state == .accepted, attempts.isEmpty, (try? move(to: .dispatching, at: now)) != nil else { return }
        let operationID = operationID ?? OperationID.random()
        self.operationID = operationID
        attempts.append(Attempt(operationID: operationID, startedAt: now))
    }

    /// The latest attempt, if any.
    public var currentAttempt: Attempt? {
        attempts.last
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case conversationLog
        case message
        case contentType
        case operationID = "operationId"
        case idempotencyKey
        case deadline
        case state
        case attempts
        case nextAttemptAt
        case failure
        case invitation
        case createdAt
        case updatedAt
    }
}
