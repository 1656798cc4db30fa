import GRDB

/// The SQL of the store's frequent statements, written out so that each connection prepares it once
/// (`Database.cachedStatement(sql:)`) instead of generating and preparing it again at every call.
enum StoreStatements {
    static let requestByID = "SELECT * FROM request WHERE id = ?"
    static let stateByID = "SELECT state FROM request WHERE id = ?"
    static let attemptsOfRequest = "SELECT * FROM attempt WHERE requestId = ? ORDER BY ordinal"
    static let upsertAttempt = """
        INSERT INTO attempt (requestId, ordinal, operationId, startedAt, httpStatus, code, subcode)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (requestId, ordinal) DO UPDATE SET
            operationId = excluded.operationId, startedAt = excluded.startedAt, httpStatus = excluded.httpStatus,
            code = excluded.code, subcode = excluded.subcode
        """
    static let deleteAttemptsFrom = "DELETE FROM attempt WHERE requestId = ? AND ordinal >= ?"
    static let deleteReplacedAttempt = "DELETE FROM attempt WHERE requestId = ? AND ordinal = ? AND operationId <> ?"
    static let dueRequests = """
        SELECT * FROM request
        WHERE state IN ('accepted', 'retryScheduled') AND (nextAttemptAt IS NULL OR nextAttemptAt <= ?)
        ORDER BY createdAt, id LIMIT ?
        """
    static let nextAttemptDate = "SELECT MIN(nextAttemptAt) FROM request WHERE state = 'retryScheduled'"
    static let upsertChannelValue = """
        INSERT INTO channel (key, value) VALUES (?, ?)
        ON CONFLICT(key) DO UPDATE SET value = excluded.value
        """
}
