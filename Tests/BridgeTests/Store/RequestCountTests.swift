import Foundation
import GRDB
import Testing

@testable import Bridge

/// The queue depth comes from counts that triggers keep in each write's transaction; they must always be what
/// counting the rows gives.
@Suite(.timeLimit(.minutes(1))) struct RequestCountTests {
    @Test func countsFollowInsertsMovesAndDeletes() async throws {
        try await withTemporaryStore { store, _ in
            let time = StoreSamples.epoch.addingTimeInterval(1)
            let requests = (0..<4).map { StoreSamples.request(createdAt: time.addingTimeInterval(Double($0))) }
            for request in requests {
                _ = try await store.insert(request)
            }
            try await expectCountsMatchRows(store, [.accepted: 4])

            let dispatched = try StoreSamples.dispatched(requests[0], at: time)
            try await store.record(dispatched)
            try await store.record(try StoreSamples.moved(dispatched, to: .delivered, at: time))
            try await store.record(try StoreSamples.moved(requests[1], to: .cancelled, at: time))
            let retried = try StoreSamples.dispatched(requests[2], at: time)
            try await store.record(retried)
            let later = time.addingTimeInterval(60)
            try await store.record(try StoreSamples.retryScheduled(retried, at: time, next: later))
            // Stored again in the same state: not a move.
            try await store.record(requests[3])
            try await expectCountsMatchRows(store, [.accepted: 1, .retryScheduled: 1, .delivered: 1, .cancelled: 1])

            #expect(try await store.deleteFinished(olderThan: time.addingTimeInterval(3600)) == 2)
            try await expectCountsMatchRows(store, [.accepted: 1, .retryScheduled: 1])
        }
    }

    @Test func aWriteThatFailsAfterItsMoveChangesNoCount() async throws {
        try await withTemporaryStore { store, _ in
            let time = StoreSamples.epoch.addingTimeInterval(1)
            let first = try StoreSamples.dispatched(StoreSamples.request(), at: time)
            _ = try await store.insert(StoreSamples.request(id: first.id.rawValue))
            try await store.record(first)
            let second = StoreSamples.request(createdAt: time)
            _ = try await store.insert(second)
            // The move to dispatching is written (and counted) before the attempt's row, whose operationId the
            // first request holds: the write fails there and its savepoint takes the count back with it.
            var clash = try StoreSamples.dispatched(second, at: time)
            clash.attempts[0].operationID = first.attempts[0].operationID
            clash.operationID = first.attempts[0].operationID
            await #expect(throws: StoreError.self) { try await store.record(clash) }
            try await expectCountsMatchRows(store, [.accepted: 1, .dispatching: 1])
        }
    }

    /// A store written before the counts existed opens with counts of the rows it holds.
    @Test func aStoreOfTheVersionBeforeCountsItsRows() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let time = StoreSamples.epoch.addingTimeInterval(1)
        let waiting = (0..<3).map { StoreSamples.request(createdAt: time.addingTimeInterval(Double($0))) }
        let delivered = try StoreSamples.moved(
            StoreSamples.dispatched(StoreSamples.request(createdAt: time.addingTimeInterval(5)), at: time),
            to: .delivered,
            at: time
        )
        try await writeStore(ofVersion: "v3", in: directory, holding: waiting + [delivered])
        let store = try RequestStore(directory: directory.url)
        defer { try? store.close() }
        try await expectCountsMatchRows(store, [.accepted: 3, .delivered: 1])
        _ = try await store.insert(StoreSamples.request(createdAt: time.addingTimeInterval(9)))
        try await expectCountsMatchRows(store, [.accepted: 4, .delivered: 1])
    }

    /// The store's depth is `expected` (every other state zero), and so is a count of the rows.
    private func expectCountsMatchRows(
        _ store: RequestStore,
        _ expected: [RequestState: Int],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        var all = Dictionary(uniqueKeysWithValues: RequestState.allCases.map { ($0, 0) })
        all.merge(expected) { $1 }
        let counted = try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS count FROM request GROUP BY state")
                .map { (RequestState(rawValue: $0["state"])!, $0["count"] as Int) }
        }
        var rows = Dictionary(uniqueKeysWithValues: RequestState.allCases.map { ($0, 0) })
        rows.merge(counted) { $1 }
        #expect(try await store.countByState() == all, sourceLocation: sourceLocation)
        #expect(rows == all, sourceLocation: sourceLocation)
    }
}
