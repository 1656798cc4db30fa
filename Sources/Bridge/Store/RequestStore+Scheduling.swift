import Foundation
import GRDB

/// The queries the durable queue's scheduling needs.
extension RequestStore {
    /// The earliest `nextAttemptAt` of a `retryScheduled` request, or `nil` when none waits for a retry.
    public func nextAttemptDate() async throws(StoreError) -> Date? {
        try await read("nextAttemptDate", Self.nextAttemptDate(in:))
    }

    /// What the admission loop needs at each pass, from one snapshot: ``dueRequests(now:limit:)`` and
    /// ``nextAttemptDate()``.
    public func admissionCandidates(now: Date, limit: Int) async throws(StoreError) -> AdmissionCandidates {
        let limit = Self.pageSize(limit)
        return try await read("admissionCandidates") { db in
            AdmissionCandidates(
                due: try Self.dueRequests(now: now, limit: limit, in: db),
                nextAttemptAt: try Self.nextAttemptDate(in: db)
            )
        }
    }

    private static func nextAttemptDate(in db: Database) throws -> Date? {
        try Double.fetchOne(db.cachedStatement(sql: StoreStatements.nextAttemptDate)).map(StoredTime.date)
    }

    /// Waiting requests (`accepted`, `retryScheduled`) whose deadline is before `now`, oldest first, at most
    /// `limit`.
    public func overdueRequests(now: Date, limit: Int) async throws(StoreError) -> [MessageRequest] {
        let limit = Self.pageSize(limit)
        let now = StoredTime.column(now)
        return try await read("overdueRequests") { db in
            let records = try RequestRecord.fetchAll(
                db.cachedStatement(sql: StoreStatements.overdueRequests),
                arguments: [now, limit]
            )
            return try Self.requests(from: records, in: db)
        }
    }

    /// Whether any stored request names `operationID` as its own or as one of its attempts'. The store keeps
    /// every attempt's operationId unique, so a client-supplied one can be used once (within the retention).
    public func isOperationIDUsed(_ operationID: String) async throws(StoreError) -> Bool {
        try lookUp("isOperationIDUsed") { db in
            try Bool.fetchOne(db.cachedStatement(sql: StoreStatements.operationIDUsed), arguments: [operationID])
                ?? false
        }
    }
}
