import Foundation
import Testing

@testable import Bridge

/// The bounded queries the scheduler, the API, health and retention use.
struct RequestStoreQueryTests {
    let start = StoreSamples.epoch

    /// Request `n` created `n` seconds after `start`.
    func request(_ n: Int) -> MessageRequest {
        StoreSamples.request(id: String(format: "r%03d", n), createdAt: start.addingTimeInterval(Double(n)))
    }

    @Test func dueRequestsAreTheQueuedOnesWhoseTimeHasComeOldestFirstAndBounded() async throws {
        try await withTemporaryStore { store, _ in
            let now = start.addingTimeInterval(100)
            // r005 and r001: accepted. r002: retry due before now; r003: retry due exactly now; r004: retry later.
            // r006: in flight; r007: delivered.
            for n in [5, 1] {
                _ = try await store.insert(request(n))
            }
            for (n, next) in [(2, now.addingTimeInterval(-10)), (3, now), (4, now.addingTimeInterval(1))] {
                let dispatched = try StoreSamples.dispatched(request(n), at: start.addingTimeInterval(50))
                try await store.record(
                    try StoreSamples.retryScheduled(dispatched, at: start.addingTimeInterval(51), next: next)
                )
            }
            let inFlight = try StoreSamples.dispatched(request(6), at: start.addingTimeInterval(60))
            try await store.record(inFlight)
            try await store.record(try StoreSamples.moved(inFlight, to: .delivered, at: start.addingTimeInterval(61)))

            let due = try await store.dueRequests(now: now, limit: 10)
            #expect(due.map(\.id.rawValue) == ["r001", "r002", "r003", "r005"])
            let firstTwo = try await store.dueRequests(now: now, limit: 2)
            #expect(firstTwo.map(\.id.rawValue) == ["r001", "r002"])
            #expect(firstTwo[1].attempts.count == 1)
            let later = try await store.dueRequests(now: now.addingTimeInterval(1), limit: 10)
            #expect(later.map(\.id.rawValue) == ["r001", "r002", "r003", "r004", "r005"])
        }
    }

    /// A pass reads as many rows as its limit: with more retries due than that, it takes those that fell due first
    /// (the others come in the next passes), and of what it took, the oldest first.
    @Test func withMoreRetriesDueThanTheLimitThoseDueFirstAreTaken() async throws {
        try await withTemporaryStore { store, _ in
            let now = start.addingTimeInterval(100)
            // Created in the order r001, r002, r003; due in the order r002, r003, r001. r004: accepted, newest.
            for (n, due) in [(1, -1.0), (2, -5.0), (3, -3.0)] {
                let dispatched = try StoreSamples.dispatched(request(n), at: start.addingTimeInterval(50))
                try await store.record(
                    try StoreSamples.retryScheduled(
                        dispatched,
                        at: start.addingTimeInterval(51),
                        next: now.addingTimeInterval(due)
                    )
                )
            }
            _ = try await store.insert(request(4))

            #expect(try await store.dueRequests(now: now, limit: 2).map(\.id.rawValue) == ["r002", "r003"])
            #expect(
                try await store.dueRequests(now: now, limit: 10).map(\.id.rawValue) == ["r001", "r002", "r003", "r004"]
            )
        }
    }

    @Test func listPagesInCreationOrderWithACursorAndAStateFilter() async throws {
        try await withTemporaryStore { store, _ in
            for n in 1...7 {
                _ = try await store.insert(request(n))
            }
            // Two requests created at the same instant are ordered by id.
            let twin = StoreSamples.request(id: "r004a", createdAt: start.addingTimeInterval(4))
            _ = try await store.insert(twin)
            for n in [2, 5] {
                try await store.record(
                    try StoreSamples.moved(request(n), to: .cancelled, at: start.addingTimeInterval(9))
                )
            }

            var ids: [String] = []
            var cursor: RequestCursor?
            var pages = 0
            repeat {
                let page = try await store.list(after: cursor, limit: 3)
                #expect(page.requests.count <= 3)
                ids += page.requests.map(\.id.rawValue)
                cursor = page.next
                pages += 1
            } while cursor != nil
            #expect(ids == ["r001", "r002", "r003", "r004", "r004a", "r005", "r006", "r007"])
            #expect(pages == 3)

            let accepted = try await store.list(state: .accepted, limit: 4)
            #expect(accepted.requests.map(\.id.rawValue) == ["r001", "r003", "r004", "r004a"])
            let rest = try await store.list(state: .accepted, after: accepted.next, limit: 4)
            #expect(rest.requests.map(\.id.rawValue) == ["r006", "r007"])
            #expect(rest.next == nil)
            let cancelled = try await store.list(state: .cancelled, limit: 10)
            #expect(cancelled.requests.map(\.id.rawValue) == ["r002", "r005"])
            #expect(try await store.list(state: .failed, limit: 10) == RequestPage(requests: [], next: nil))
        }
    }

    @Test func nonTerminalRequestsAreWhatARestartPicksUp() async throws {
        try await withTemporaryStore { store, _ in
            let time = start.addingTimeInterval(20)
            _ = try await store.insert(request(1))
            let dispatching = try StoreSamples.dispatched(request(2), at: time)
            try await store.record(dispatching)
            let awaiting = try StoreSamples.moved(
                StoreSamples.dispatched(request(3), at: time),
                to: .awaitingEvents,
                at: time
            )
            try await store.record(awaiting)
            let started = try StoreSamples.moved(StoreSamples.dispatched(request(4), at: time), to: .started, at: time)
            try await store.record(started)
            let retry = try StoreSamples.retryScheduled(
                StoreSamples.dispatched(request(5), at: time),
                at: time,
                next: time
            )
            try await store.record(retry)
            try await store.record(try StoreSamples.moved(request(6), to: .expired, at: time))
            try await store.record(try StoreSamples.moved(dispatching, to: .failed, at: time))

            let first = try await store.nonTerminalRequests(limit: 2)
            let second = try await store.nonTerminalRequests(after: first.next, limit: 2)
            #expect(second.next == nil)
            #expect((first.requests + second.requests).map(\.id.rawValue) == ["r001", "r003", "r004", "r005"])
            let inFlight = try await store.inFlightRequests(limit: 10)
            #expect(inFlight.requests.map(\.id.rawValue) == ["r003", "r004"])
            #expect(inFlight.next == nil)
        }
    }

    @Test func countByStateAndTheOldestQueuedRequestDescribeTheQueue() async throws {
        try await withTemporaryStore { store, _ in
            #expect(try await store.oldestQueuedCreatedAt() == nil)
            #expect(
                try await store.countByState()
                    == Dictionary(uniqueKeysWithValues: RequestState.allCases.map { ($0, 0) })
            )
            let time = start.addingTimeInterval(20)
            try await store.record(try StoreSamples.dispatched(request(1), at: time))
            let retry = try StoreSamples.retryScheduled(
                StoreSamples.dispatched(request(2), at: time),
                at: time,
                next: time
            )
            try await store.record(retry)
            _ = try await store.insert(request(3))
            _ = try await store.insert(request(4))

            let counts = try await store.countByState()
            #expect(counts[.dispatching] == 1)
            #expect(counts[.retryScheduled] == 1)
            #expect(counts[.accepted] == 2)
            #expect(counts[.delivered] == 0)
            #expect(counts.count == RequestState.allCases.count)
            #expect(try await store.oldestQueuedCreatedAt() == start.addingTimeInterval(2))
        }
    }

    @Test func retentionDeletesOnlyFinishedRequestsOlderThanTheCutoffWithTheirAttempts() async throws {
        try await withTemporaryStore { store, _ in
            let cutoff = start.addingTimeInterval(1000)
            let oldDelivered = try StoreSamples.moved(
                StoreSamples.dispatched(request(1), at: start),
                to: .delivered,
                at: cutoff.addingTimeInterval(-1)
            )
            let newDelivered = try StoreSamples.moved(
                StoreSamples.dispatched(request(2), at: start),
                to: .delivered,
                at: cutoff.addingTimeInterval(1)
            )
            let oldCancelled = try StoreSamples.moved(request(3), to: .cancelled, at: start)
            let oldButQueued = request(4)  // updatedAt == createdAt, long before the cutoff
            let oldButInFlight = try StoreSamples.dispatched(request(5), at: start)
            for request in [oldDelivered, newDelivered, oldCancelled, oldButQueued, oldButInFlight] {
                try await store.record(request)
            }

            #expect(try await store.deleteFinished(olderThan: cutoff) == 2)
            #expect(try await store.request(oldDelivered.id) == nil)
            #expect(try await store.request(oldCancelled.id) == nil)
            #expect(try await store.request(newDelivered.id) == newDelivered)
            #expect(try await store.request(oldButQueued.id) == oldButQueued)
            #expect(try await store.request(oldButInFlight.id) == oldButInFlight)
            let attemptRows = try await store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attempt WHERE requestId = ?", arguments: ["r001"])
            }
            #expect(attemptRows == 0)

            // The attempt's operationId is free again once its request is gone.
            var successor = try StoreSamples.dispatched(request(9), at: start)
            successor.attempts[0].operationID = oldDelivered.attempts[0].operationID
            try await store.record(successor)
            #expect(try await store.deleteFinished(olderThan: cutoff) == 0)
        }
    }
}
