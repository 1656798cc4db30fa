import Foundation
import Testing

@testable import Bridge

/// `insert` honours idempotency keys: a client that sends the same request twice gets the first one back.
struct RequestStoreIdempotencyTests {
    @Test func theSameKeyTwiceGivesTheFirstRequestBack() async throws {
        try await withTemporaryStore { store, _ in
            let first = StoreSamples.request(idempotencyKey: "deploy-7", message: "first")
            let second = StoreSamples.request(idempotencyKey: "deploy-7", message: "second")
            #expect(try await store.insert(first) == .created(first))
            let again = try await store.insert(second)
            #expect(again == .existing(first))
            #expect(again.request.id == first.id)
            #expect(try await store.request(second.id) == nil)
            #expect(try await store.countByState()[.accepted] == 1)
        }
    }

    @Test func theFirstRequestIsReturnedAsItIsNowNotAsItWas() async throws {
        try await withTemporaryStore { store, _ in
            let first = StoreSamples.request(idempotencyKey: "deploy-8")
            _ = try await store.insert(first)
            let moved = try StoreSamples.dispatched(first, at: StoreSamples.epoch.addingTimeInterval(1))
            try await store.record(moved)
            #expect(try await store.insert(StoreSamples.request(idempotencyKey: "deploy-8")) == .existing(moved))
        }
    }

    @Test func differentKeysMakeTwoRequests() async throws {
        try await withTemporaryStore { store, _ in
            let one = StoreSamples.request(idempotencyKey: "a")
            let two = StoreSamples.request(idempotencyKey: "b")
            let insertions = [try await store.insert(one), try await store.insert(two)]
            #expect(insertions == [.created(one), .created(two)])
            #expect(try await store.countByState()[.accepted] == 2)
        }
    }

    @Test func requestsWithoutAKeyAreAlwaysNew() async throws {
        try await withTemporaryStore { store, _ in
            for _ in 0..<3 {
                let request = StoreSamples.request()
                let insertion = try await store.insert(request)
                #expect(insertion == .created(request))
            }
            #expect(try await store.countByState()[.accepted] == 3)
        }
    }

    @Test func aTakenIDOrANonAcceptedRequestIsRefused() async throws {
        try await withTemporaryStore { store, _ in
            let request = StoreSamples.request(id: "r1")
            _ = try await store.insert(request)
            let duplicate = await #expect(throws: StoreError.self) {
                _ = try await store.insert(StoreSamples.request(id: "r1"))
            }
            #expect(duplicate?.code == .duplicateID)
            #expect(duplicate?.source == "insert")
            let cancelled = try StoreSamples.moved(StoreSamples.request(), to: .cancelled, at: StoreSamples.epoch)
            let notAccepted = await #expect(throws: StoreError.self) { _ = try await store.insert(cancelled) }
            #expect(notAccepted?.code == .notAccepted)
        }
    }
}
