import GRDB

extension RequestStore: RequestJournal {
    /// Stores `request` as it is now, with all its attempts, in one transaction that is durable when this returns
    /// (against a power loss too when ``CommitDurability/recording(_:)`` says synced).
    ///
    /// A request not stored yet is inserted. A stored one may only move along ``RequestState/allows(_:)``, or be
    /// stored again in the same non-terminal state (for example a reloaded request submitted again); a terminal row
    /// never changes. Of a stored request only what changes after acceptance is written again (state, next attempt
    /// time, failure, invitation, `updatedAt`, and the operationId on a move to `dispatching`): the conversation log,
    /// message, content type, idempotency key, deadline and creation time are the stored ones. The request's attempt
    /// rows are replaced by `request.attempts`, in the same transaction.
    ///
    /// A copy of a stored request must hold every stored attempt, and a move to `dispatching` exactly one more: a
    /// copy read before an earlier attempt (an admission pass working from an old read) never sends the message
    /// again, nor erases the attempts it missed.
    ///
    /// - Throws: ``StoreError`` `invalidTransition` (nothing changed), `staleCopy` (a copy older than the stored row;
    ///   nothing changed), `constraintViolated` (for example an attempt's operationId used by another request), or a
    ///   database failure.
    public func record(_ request: MessageRequest) async throws(StoreError) {
        try await write("record", durability: .recording(request)) { db in
            let record = RequestRecord(request)
            let stored = try Row.fetchOne(
                db.cachedStatement(sql: StoreStatements.stateAndAttemptCountByID),
                arguments: [record.id]
            )
            if let stored {
                let from = try RequestRecord.state(stored["state"], of: record.id)
                let to = request.state
                guard from.allows(to) || (from == to && !from.isTerminal) else {
                    throw StoreError(
                        code: .invalidTransition,
                        reason: "request \(request.id) is stored as \(from.rawValue) and cannot become \(to.rawValue)",
                        source: "record"
                    )
                }
                let startsAttempt = to == .dispatching && from != .dispatching
                try Self.checkAttempts(of: request, startsAttempt: startsAttempt, stored: stored["attempts"])
                if startsAttempt {
                    try db.cachedStatement(sql: StoreStatements.updateRequestOperationID)
                        .execute(arguments: [record.operationID, record.id])
                }
                try db.cachedStatement(sql: StoreStatements.updateRequestProgress).execute(arguments: [
                    record.state, record.nextAttemptAt, record.failureCode, record.failureSubcode,
                    record.failureMessage, record.invitation, record.updatedAt, record.id,
                ])
            } else {
                try record.insertPrepared(in: db)
            }
            try Self.replaceAttempts(of: request, in: db)
        }
    }

    /// Refuses a copy that misses stored attempts, and a new attempt that is not exactly one more than the stored.
    private static func checkAttempts(of request: MessageRequest, startsAttempt: Bool, stored: Int) throws {
        let known = request.attempts.count - (startsAttempt ? 1 : 0)
        guard startsAttempt ? known == stored : known >= stored else {
            throw StoreError(
                code: .staleCopy,
                reason: "request \(request.id) has \(stored) stored attempts; a copy knowing \(known) cannot "
                    + (startsAttempt ? "start another" : "be stored"),
                source: "record"
            )
        }
    }

    /// Stores a request a client has just handed over, honouring its idempotency key, in one durable transaction.
    ///
    /// When a request with the same ``MessageRequest/idempotencyKey`` is stored, returns `.existing` with that first
    /// request and writes nothing; otherwise stores `request` and returns `.created`. Requests without a key are
    /// always new. A request whose run may start at once is stored `dispatching` with its first attempt (not yet
    /// answered), so that the attempt needs no commit of its own before its POST.
    ///
    /// - Throws: ``StoreError`` `notAccepted` when `request` is neither `accepted` nor `dispatching` its first
    ///   attempt, `duplicateID` when its id
    ///   is taken, `constraintViolated` when one of its attempts' operationIds is, or a database failure.
    public func insert(_ request: MessageRequest) async throws(StoreError) -> RequestInsertion {
        let isFirstAttempt = request.state == .dispatching && request.attempts.count == 1
        guard request.state == .accepted || isFirstAttempt else {
            throw StoreError(
                code: .notAccepted,
                reason: "a request in state \(request.state.rawValue) is not inserted",
                source: "insert"
            )
        }
        return try await write("insert") { db in
            if let key = request.idempotencyKey,
                let first = try RequestRecord.fetchOne(
                    db.cachedStatement(sql: StoreStatements.requestByIdempotencyKey),
                    arguments: [key]
                )
            {
                return .existing(try Self.requests(from: [first], in: db)[0])
            }
            let record = RequestRecord(request)
            let taken = try Bool.fetchOne(
                db.cachedStatement(sql: StoreStatements.requestIDExists),
                arguments: [record.id]
            )
            guard taken != true else {
                throw StoreError(
                    code: .duplicateID,
                    reason: "request \(request.id) is already stored",
                    source: "insert"
                )
            }
            try record.insertPrepared(in: db)
            try Self.replaceAttempts(of: request, in: db)
            return .created(request)
        }
    }

    /// Makes the stored attempts of `request` its ``MessageRequest/attempts``: any stored beyond them, or at an
    /// ordinal now holding another operationId, deleted first (an operationId is unique among all attempts), then
    /// each one written at its ordinal (an attempt's answer updates its row).
    static func replaceAttempts(of request: MessageRequest, in db: Database) throws {
        try db.cachedStatement(sql: StoreStatements.deleteAttemptsFrom)
            .execute(arguments: [request.id.rawValue, request.attempts.count])
        let deleteReplaced = try db.cachedStatement(sql: StoreStatements.deleteReplacedAttempt)
        let upsert = try db.cachedStatement(sql: StoreStatements.upsertAttempt)
        for (ordinal, attempt) in request.attempts.enumerated() {
            let record = AttemptRecord(attempt, of: request.id, ordinal: ordinal)
            try deleteReplaced.execute(arguments: [record.requestID, record.ordinal, record.operationID])
            try upsert.execute(arguments: [
                record.requestID, record.ordinal, record.operationID, record.startedAt, record.httpStatus,
                record.code, record.subcode,
            ])
        }
    }
}
