import GRDB

/// The SQL of the store's frequent statements, written out so that each connection prepares it once
/// (`Database.cachedStatement(sql:)`) instead of generating and preparing it again at every call.
///
/// The scheduling queries read the partial indexes of ``StoreMigrations`` (`INDEXED BY`: without statistics the
/// planner prefers the full `state` index and sorts every waiting row, 100,000 in a deep queue, for each admission
/// pass) and name the waiting states literally, as those indexes do (`state IN ('accepted', 'retryScheduled')`,
/// `state = 'accepted'`, `state = 'retryScheduled'`): SQLite refuses to prepare a statement whose WHERE does not
/// imply its index's.
enum StoreStatements {
    static let requestByID = "SELECT * FROM request WHERE id = ?"
    static let requestByIdempotencyKey = "SELECT * FROM request WHERE idempotencyKey = ?"
    static let requestIDExists = "SELECT 1 FROM request WHERE id = ?"
    static let operationIDUsed = """
        SELECT EXISTS (SELECT 1 FROM request WHERE operationId = ?1)
            OR EXISTS (SELECT 1 FROM attempt WHERE operationId = ?1)
        """
    /// Every column of a new request, in ``RequestRecord/insertPrepared(in:)``'s order.
    static let insertRequest = """
        INSERT INTO request (id, conversationLog, message, contentType, operationId, idempotencyKey, deadline,
            state, nextAttemptAt, failureCode, failureSubcode, failureMessage, invitation, createdAt, updatedAt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    /// A stored request's state and how many attempts it has, for ``RequestStore/record(_:)``'s checks.
    static let stateAndAttemptCountByID = """
        SELECT state, (SELECT COUNT(*) FROM attempt WHERE requestId = request.id) AS attempts
        FROM request WHERE id = ?
        """
    /// An event batch's `started` of a request's current attempt, recorded while its POST has no answer stored: then
    /// it is the only proof that the server has the message. Never over a `completed` of the same operation. Arguments:
    /// operationId, progress, detail.
    static let recordStarted = """
        UPDATE request SET eventOperationId = ?1, eventProgress = ?2, eventDetail = ?3
        WHERE operationId = ?1 AND state = 'dispatching'
            AND (eventOperationId IS NOT ?1 OR eventProgress = 'started')
        """
    /// An event batch's `completed` of a request's current attempt, recorded while the request is in flight.
    /// Arguments: operationId, progress, detail.
    static let recordCompleted = """
        UPDATE request SET eventOperationId = ?1, eventProgress = ?2, eventDetail = ?3
        WHERE operationId = ?1 AND state IN ('dispatching', 'awaitingEvents', 'started')
        """
    static let recordedProgressByID = """
        SELECT eventOperationId, eventProgress, eventDetail FROM request WHERE id = ? AND eventProgress IS NOT NULL
        """
    /// The queue depth, from the counts the triggers of ``StoreMigrations`` keep.
    static let requestCountByState = "SELECT state, count FROM requestCount"
    static let attemptsOfRequest = "SELECT * FROM attempt WHERE requestId = ? ORDER BY ordinal"
    static let upsertAttempt = """
        INSERT INTO attempt (requestId, ordinal, operationId, startedAt, httpStatus, code, subcode)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (requestId, ordinal) DO UPDATE SET
            operationId = excluded.operationId, startedAt = excluded.startedAt, httpStatus = excluded.httpStatus,
            code = excluded.code, subcode = excluded.subcode
        WHERE operationId IS NOT excluded.operationId OR startedAt IS NOT excluded.startedAt
            OR httpStatus IS NOT excluded.httpStatus OR code IS NOT excluded.code OR subcode IS NOT excluded.subcode
        """
    /// A stored request's columns that change at every move; the operationId changes only when an attempt starts,
    /// and the others (its conversation log, message, content type, idempotency key, deadline, creation time) are
    /// written once. Rewriting an indexed column, even to the same value, rewrites its index entry: a page more in
    /// the log per index.
    static let updateRequestProgress = """
        UPDATE request SET state = ?, nextAttemptAt = ?, failureCode = ?, failureSubcode = ?, failureMessage = ?,
            invitation = ?, updatedAt = ?
        WHERE id = ?
        """
    /// A new attempt's operationId, written only when the attempt starts (the column is indexed).
    static let updateRequestOperationID = "UPDATE request SET operationId = ? WHERE id = ?"
    static let deleteAttemptsFrom = "DELETE FROM attempt WHERE requestId = ? AND ordinal >= ?"
    static let deleteReplacedAttempt = "DELETE FROM attempt WHERE requestId = ? AND ordinal = ? AND operationId <> ?"
    /// The oldest `accepted` requests (due at once: only a retry has a `nextAttemptAt`) and the retries that fell due
    /// first, each read from its own index as far as the limit, then the oldest of both. Arguments: now, limit.
    static let dueRequests = """
        SELECT * FROM (
            SELECT * FROM request INDEXED BY request_accepted_on_createdAt_id
            WHERE state = 'accepted'
            ORDER BY createdAt, id LIMIT ?2
        )
        UNION ALL
        SELECT * FROM (
            SELECT * FROM request INDEXED BY request_retrying_on_nextAttemptAt
            WHERE state = 'retryScheduled' AND nextAttemptAt <= ?1
            ORDER BY nextAttemptAt LIMIT ?2
        )
        ORDER BY createdAt, id LIMIT ?2
        """
    static let nextAttemptDate = """
        SELECT MIN(nextAttemptAt) FROM request INDEXED BY request_retrying_on_nextAttemptAt
        WHERE state = 'retryScheduled'
        """
    static let overdueRequests = """
        SELECT * FROM request INDEXED BY request_waiting_on_deadline
        WHERE state IN ('accepted', 'retryScheduled') AND deadline < ?
        ORDER BY createdAt, id LIMIT ?
        """
    static let oldestQueuedCreatedAt = """
        SELECT MIN(createdAt) FROM request INDEXED BY request_waiting_on_createdAt_id
        WHERE state IN ('accepted', 'retryScheduled')
        """
    static let upsertChannelValue = """
        INSERT INTO channel (key, value) VALUES (?, ?)
        ON CONFLICT(key) DO UPDATE SET value = excluded.value
        """
}
