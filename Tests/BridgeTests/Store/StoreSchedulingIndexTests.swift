import Foundation
import GRDB
import Testing

@testable import Bridge

/// The scheduling queries read partial indexes that hold only waiting requests, so that a request's moves after
/// its admission write none of their pages; SQLite uses such an index only when the query's WHERE implies the
/// index's, which these tests check with the planner itself.
struct StoreSchedulingIndexTests {
    private static let plans: [(sql: String, arguments: StatementArguments, indexes: [String])] = [
        (
            StoreStatements.dueRequests, [0.0, 10],
            ["request_accepted_on_createdAt_id", "request_retrying_on_nextAttemptAt"]
        ),
        (StoreStatements.nextAttemptDate, [], ["request_retrying_on_nextAttemptAt"]),
        (StoreStatements.overdueRequests, [0.0, 10], ["request_waiting_on_deadline"]),
        (StoreStatements.oldestQueuedCreatedAt, [], ["request_waiting_on_createdAt_id"]),
    ]

    @Test func eachSchedulingQueryReadsItsPartialIndex() async throws {
        try await withTemporaryStore { store, _ in
            // Enough rows in other states that a scan would not be the planner's choice.
            let time = StoreSamples.epoch.addingTimeInterval(1)
            for index in 0..<200 {
                let request = StoreSamples.request(createdAt: time.addingTimeInterval(Double(index)))
                try await store.record(
                    try StoreSamples.moved(StoreSamples.dispatched(request, at: time), to: .delivered, at: time)
                )
            }
            try await store.pool.write { db in try db.execute(sql: "ANALYZE") }
            for plan in Self.plans {
                let details = try await store.pool.read { db in
                    try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + plan.sql, arguments: plan.arguments)
                        .map { $0["detail"] as String }
                }
                for index in plan.indexes {
                    #expect(details.contains { $0.contains(index) }, "\(plan.sql): \(details)")
                }
            }
        }
    }

    /// The waiting states the statements name literally are the states a request waits for an attempt in.
    @Test func theLiteralStatesAreTheWaitingStates() {
        let waiting = RequestState.allCases.filter { !$0.isTerminal && !$0.isInFlight }
        #expect(waiting == [.accepted, .retryScheduled])
        for sql in [StoreStatements.overdueRequests, StoreStatements.oldestQueuedCreatedAt] {
            #expect(sql.contains("state IN ('accepted', 'retryScheduled')"))
        }
        #expect(StoreStatements.dueRequests.contains("state = 'accepted'"))
        for sql in [StoreStatements.dueRequests, StoreStatements.nextAttemptDate] {
            #expect(sql.contains("state = 'retryScheduled'"))
        }
    }

    /// A store written by the version before the partial indexes opens with them, and its waiting, retrying and
    /// finished requests are found as before.
    @Test func aStoreOfTheVersionBeforeMigrates() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let time = StoreSamples.epoch.addingTimeInterval(1)
        let waiting = StoreSamples.request(createdAt: time)
        let retrying = try StoreSamples.retryScheduled(
            StoreSamples.dispatched(StoreSamples.request(createdAt: time.addingTimeInterval(1)), at: time),
            at: time,
            next: time.addingTimeInterval(60)
        )
        let delivered = try StoreSamples.moved(
            StoreSamples.dispatched(StoreSamples.request(createdAt: time.addingTimeInterval(2)), at: time),
            to: .delivered,
            at: time
        )
        try await writeStore(ofVersion: "v2", in: directory, holding: [waiting, retrying, delivered])
        let store = try RequestStore(directory: directory.url)
        defer { try? store.close() }
        let indexes = try await store.pool.read { db in
            try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'request'"
            )
        }
        #expect(!indexes.contains("request_on_state_nextAttemptAt"))
        #expect(!indexes.contains("request_on_state_deadline"))
        #expect(indexes.contains("request_waiting_on_createdAt_id"))
        #expect(indexes.contains("request_accepted_on_createdAt_id"))
        #expect(try await store.dueRequests(now: time, limit: 10).map(\.id) == [waiting.id])
        let later = time.addingTimeInterval(60)
        #expect(try await store.dueRequests(now: later, limit: 10).map(\.id) == [waiting.id, retrying.id])
        #expect(try await store.nextAttemptDate() == retrying.nextAttemptAt)
        let pastDeadlines = time.addingTimeInterval(7200)
        #expect(try await store.overdueRequests(now: pastDeadlines, limit: 10).map(\.id) == [waiting.id, retrying.id])
        #expect(try await store.oldestQueuedCreatedAt() == waiting.createdAt)
        #expect(try await store.request(delivered.id) == delivered)
    }
}
