import Foundation
import GRDB

extension RequestStore {
    /// The stored request `id` with its attempts, or `nil` when there is none.
    public func request(_ id: RequestID) async throws(StoreError) -> MessageRequest? {
        try lookUp("request") { db in
            let statement = try db.cachedStatement(sql: StoreStatements.requestByID)
            guard let record = try RequestRecord.fetchOne(statement, arguments: [id.rawValue]) else { return nil }
            return try Self.requests(from: [record], in: db).first
        }
    }

    /// The stored request that was accepted with `idempotencyKey`, or `nil`.
    public func request(byIdempotencyKey key: String) async throws(StoreError) -> MessageRequest? {
        try lookUp("requestByIdempotencyKey") { db in
            let statement = try db.cachedStatement(sql: StoreStatements.requestByIdempotencyKey)
            guard let record = try RequestRecord.fetchOne(statement, arguments: [key]) else { return nil }
            return try Self.requests(from: [record], in: db).first
        }
    }

    /// One page of requests in the stable order (`createdAt`, then `id`), optionally only those in `state`,
    /// starting after `cursor` (from the start when `nil`). At most `limit` requests, itself at most
    /// ``maximumPageSize`` (and at least 1).
    public func list(
        state: RequestState? = nil,
        after cursor: RequestCursor? = nil,
        limit: Int
    ) async throws(StoreError) -> RequestPage {
        try await page("list", states: state.map { [$0] }, after: cursor, limit: limit)
    }

    /// One page of the requests that may have an attempt in flight (`dispatching`, `awaitingEvents`, `started`), in
    /// the stable order: what a restart hands back to the dispatcher. Waiting requests are not read, so a deep queue
    /// does not slow the start.
    public func inFlightRequests(after cursor: RequestCursor? = nil, limit: Int) async throws(StoreError)
        -> RequestPage
    {
        let states = RequestState.allCases.filter(\.isInFlight)
        return try await page("inFlightRequests", states: states, after: cursor, limit: limit)
    }

    /// One page of the requests not finished yet (`accepted`, `retryScheduled`, `dispatching`, `awaitingEvents`,
    /// `started`), in the stable order; call again with ``RequestPage/next`` until it is `nil`.
    public func nonTerminalRequests(after cursor: RequestCursor? = nil, limit: Int) async throws(StoreError)
        -> RequestPage
    {
        let states = RequestState.allCases.filter { !$0.isTerminal }
        return try await page("nonTerminalRequests", states: states, after: cursor, limit: limit)
    }

    /// The requests due for an attempt at `now`: `accepted` ones, and `retryScheduled` ones whose `nextAttemptAt` is
    /// not after `now`, oldest (by `createdAt`, then `id`) first, at most `limit` (itself at most
    /// ``maximumPageSize``).
    ///
    /// When more than `limit` retries are due at once (the end of a long outage), the ones taken are those that fell
    /// due first, the oldest of them first; the others come in later passes. The cost of a pass grows with `limit`,
    /// not with the number of requests waiting.
    public func dueRequests(now: Date, limit: Int) async throws(StoreError) -> [MessageRequest] {
        let limit = Self.pageSize(limit)
        return try await read("dueRequests") { db in try Self.dueRequests(now: now, limit: limit, in: db) }
    }

    static func dueRequests(now: Date, limit: Int, in db: Database) throws -> [MessageRequest] {
        let records = try RequestRecord.fetchAll(
            db.cachedStatement(sql: StoreStatements.dueRequests),
            arguments: [StoredTime.column(now), limit]
        )
        return try Self.requests(from: records, in: db)
    }

    /// ``countByState()`` and ``oldestQueuedCreatedAt()`` from one snapshot.
    public func depth() async throws(StoreError) -> QueueDepth {
        let (rows, oldest) = try await read("depth") { db in
            (try Self.stateCounts(in: db), try Self.oldestQueuedCreatedAt(in: db))
        }
        return QueueDepth(byState: try Self.countsByState(rows), oldestQueuedAt: oldest.map(StoredTime.date))
    }

    /// How many requests are stored in each state (every state present, zero when none): the queue depth.
    public func countByState() async throws(StoreError) -> [RequestState: Int] {
        try Self.countsByState(try await read("countByState", Self.stateCounts(in:)))
    }

    private static func stateCounts(in db: Database) throws -> [StateCount] {
        try Row.fetchAll(db.cachedStatement(sql: StoreStatements.requestCountByState)).map {
            StateCount(state: $0["state"], count: $0["count"])
        }
    }

    private static func countsByState(_ rows: [StateCount]) throws(StoreError) -> [RequestState: Int] {
        var counts = Dictionary(uniqueKeysWithValues: RequestState.allCases.map { ($0, 0) })
        for row in rows {
            guard let state = RequestState(rawValue: row.state) else {
                throw StoreError(code: .corruptRow, reason: "a request has an unknown state", source: "countByState")
            }
            counts[state] = row.count
        }
        return counts
    }

    /// When the oldest request still waiting for an attempt (`accepted` or `retryScheduled`) was created, or `nil`
    /// when none waits.
    public func oldestQueuedCreatedAt() async throws(StoreError) -> Date? {
        try await read("oldestQueuedCreatedAt", Self.oldestQueuedCreatedAt(in:)).map(StoredTime.date)
    }

    private static func oldestQueuedCreatedAt(in db: Database) throws -> Double? {
        try Double.fetchOne(db.cachedStatement(sql: StoreStatements.oldestQueuedCreatedAt))
    }

    // MARK: Helpers

    static func pageSize(_ limit: Int) -> Int {
        min(max(limit, 1), maximumPageSize)
    }

    private func page(
        _ source: String,
        states: [RequestState]?,
        after cursor: RequestCursor?,
        limit: Int
    ) async throws(StoreError) -> RequestPage {
        let limit = Self.pageSize(limit)
        let (requests, more) = try await read(source) { db in
            var query = RequestRecord.all()
            if let states {
                query = query.filter(states.map(\.rawValue).contains(Column("state")))
            }
            if let cursor {
                let createdAt = Column("createdAt")
                let after = StoredTime.column(cursor.createdAt)
                query = query.filter(createdAt > after || (createdAt == after && Column("id") > cursor.id.rawValue))
            }
            let records = try query.order(Column("createdAt"), Column("id")).limit(limit + 1).fetchAll(db)
            return (try Self.requests(from: Array(records.prefix(limit)), in: db), records.count > limit)
        }
        return RequestPage(requests: requests, next: more ? requests.last.map(RequestCursor.init(after:)) : nil)
    }

    /// The requests of `records`, in their order, each with its attempts (read in one query, or with the one
    /// cached statement for a single request).
    static func requests(from records: [RequestRecord], in db: Database) throws -> [MessageRequest] {
        guard !records.isEmpty else { return [] }
        if records.count == 1 {
            let attempts = try AttemptRecord.fetchAll(
                db.cachedStatement(sql: StoreStatements.attemptsOfRequest),
                arguments: [records[0].id]
            )
            return [try records[0].request(attempts: attempts)]
        }
        let attempts =
            try AttemptRecord
            .filter(records.map(\.id).contains(Column("requestId")))
            .order(Column("requestId"), Column("ordinal"))
            .fetchAll(db)
        let attemptsByRequest = Dictionary(grouping: attempts, by: \.requestID)
        return try records.map { record throws(StoreError) in
            try record.request(attempts: attemptsByRequest[record.id] ?? [])
        }
    }
}

/// One row of the count of requests by state, as stored.
private struct StateCount: Sendable {
    var state: String
    var count: Int
}
