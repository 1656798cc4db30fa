import Foundation
import GRDB
import UCWA

/// A row of the `request` table: a ``MessageRequest`` without its attempts, which are ``AttemptRecord`` rows.
struct RequestRecord: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "request"

    var id: String
    var conversationLog: String
    var message: String
    var contentType: String
    var operationID: String?
    var idempotencyKey: String?
    var deadline: Double
    var state: String
    var nextAttemptAt: Double?
    var failureCode: String?
    var failureSubcode: String?
    var failureMessage: String?
    var invitation: String?
    var createdAt: Double
    var updatedAt: Double

    init(_ request: MessageRequest) {
        id = request.id.rawValue
        conversationLog = request.conversationLog
        message = request.message
        contentType = request.contentType.rawValue
        operationID = request.operationID?.rawValue
        idempotencyKey = request.idempotencyKey
        deadline = StoredTime.column(request.deadline)
        state = request.state.rawValue
        nextAttemptAt = request.nextAttemptAt.map(StoredTime.column)
        failureCode = request.failure?.code
        failureSubcode = request.failure?.subcode
        failureMessage = request.failure?.message
        invitation = request.invitation
        createdAt = StoredTime.column(request.createdAt)
        updatedAt = StoredTime.column(request.updatedAt)
    }

    init(row: Row) throws {
        id = row["id"]
        conversationLog = row["conversationLog"]
        message = row["message"]
        contentType = row["contentType"]
        operationID = row["operationId"]
        idempotencyKey = row["idempotencyKey"]
        deadline = row["deadline"]
        state = row["state"]
        nextAttemptAt = row["nextAttemptAt"]
        failureCode = row["failureCode"]
        failureSubcode = row["failureSubcode"]
        failureMessage = row["failureMessage"]
        invitation = row["invitation"]
        createdAt = row["createdAt"]
        updatedAt = row["updatedAt"]
    }

    /// Inserts the row with the connection's cached statement (``StoreStatements/insertRequest``), which GRDB's
    /// generic `insert(_:)` would build and prepare again at every call.
    func insertPrepared(in db: Database) throws {
        try db.cachedStatement(sql: StoreStatements.insertRequest).execute(arguments: [
            id, conversationLog, message, contentType, operationID, idempotencyKey, deadline, state, nextAttemptAt,
            failureCode, failureSubcode, failureMessage, invitation, createdAt, updatedAt,
        ])
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["conversationLog"] = conversationLog
        container["message"] = message
        container["contentType"] = contentType
        container["operationId"] = operationID
        container["idempotencyKey"] = idempotencyKey
        container["deadline"] = deadline
        container["state"] = state
        container["nextAttemptAt"] = nextAttemptAt
        container["failureCode"] = failureCode
        container["failureSubcode"] = failureSubcode
        container["failureMessage"] = failureMessage
        container["invitation"] = invitation
        container["createdAt"] = createdAt
        container["updatedAt"] = updatedAt
    }

    /// The stored state, or a ``StoreError/Code/corruptRow`` error for a value this version does not know.
    func storedState() throws(StoreError) -> RequestState {
        try Self.state(state, of: id)
    }

    /// The state a `state` column holds, for the request `id`.
    ///
    /// - Throws: ``StoreError`` `corruptRow` for a value that is no ``RequestState``.
    static func state(_ column: String, of id: String) throws(StoreError) -> RequestState {
        guard let state = RequestState(rawValue: column) else {
            throw StoreError(code: .corruptRow, reason: "request \(id) has an unknown state", source: "read")
        }
        return state
    }

    /// The request as the bridge uses it, with `attempts` (oldest first).
    ///
    /// The state is restored through ``MessageRequest/move(to:at:)`` itself, along the shortest path the state
    /// machine allows from `accepted` (every state is at most two moves away), the last move stamped with the stored
    /// `updatedAt`: a stored row becomes a value without any way around the state machine.
    func request(attempts: [AttemptRecord]) throws(StoreError) -> MessageRequest {
        guard let contentType = MessageFormat(rawValue: contentType) else {
            throw corrupt("an unknown contentType")
        }
        let state = try storedState()
        var request = MessageRequest(
            id: RequestID(id),
            conversationLog: conversationLog,
            message: message,
            contentType: contentType,
            operationID: try operationID.map(validOperationID),
            idempotencyKey: idempotencyKey,
            deadline: StoredTime.date(deadline),
            createdAt: StoredTime.date(createdAt)
        )
        for step in Self.path(to: state) {
            do {
                try request.move(to: step, at: StoredTime.date(updatedAt))
            } catch {
                throw corrupt("a state that cannot be restored (\(error))")
            }
        }
        var restored: [Attempt] = []
        for attempt in attempts {
            restored.append(try attempt.attempt())
        }
        request.attempts = restored
        request.nextAttemptAt = nextAttemptAt.map(StoredTime.date)
        request.failure = failureCode.map {
            RequestFailure(code: $0, subcode: failureSubcode, message: failureMessage ?? "")
        }
        request.invitation = invitation
        return request
    }

    /// The moves from `accepted` to `state`.
    private static func path(to state: RequestState) -> [RequestState] {
        switch state {
        case .accepted: []
        case .dispatching: [.dispatching]
        case .awaitingEvents, .started, .retryScheduled, .delivered, .failed: [.dispatching, state]
        case .cancelled, .expired: [state]
        }
    }

    private func validOperationID(_ rawValue: String) throws(StoreError) -> OperationID {
        do {
            return try OperationID(validating: rawValue)
        } catch {
            throw corrupt("an invalid operationId (\(error.reason))")
        }
    }

    private func corrupt(_ what: String) -> StoreError {
        StoreError(code: .corruptRow, reason: "request \(id) has \(what)", source: "read")
    }
}
