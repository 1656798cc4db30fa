import Foundation
import GRDB
import Testing
import UCWA

@testable import Bridge

/// What is committed is in the file: closing the pool and opening the same path again gives everything back.
struct RequestStoreDurabilityTests {
    @Test func aRequestWithAttemptsAndAFailureSurvivesReopening() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let now = Date()
        var request = StoreSamples.request(idempotencyKey: "ticket-42", createdAt: now)
        request.invitation = nil

        let store = try RequestStore(directory: directory.url)
        #expect(try await store.insert(request) == .created(request))
        request = try StoreSamples.dispatched(request, at: now.addingTimeInterval(0.25))
        try await store.record(request)
        request = try StoreSamples.retryScheduled(
            request,
            at: now.addingTimeInterval(0.5),
            next: now.addingTimeInterval(2)
        )
        try await store.record(request)
        request = try StoreSamples.dispatched(request, at: now.addingTimeInterval(2.125))
        try await store.record(request)
        request.invitation = "/ucwa/oauth/v1/applications/105/communication/messagingInvitations/inv1"
        request.attempts[1].httpStatus = 201
        try request.move(to: .awaitingEvents, at: now.addingTimeInterval(2.25))
        try await store.record(request)
        request.attempts[1].code = "Forbidden"
        request.attempts[1].subcode = "DoNotDisturb"
        request.failure = RequestFailure(code: "Forbidden", subcode: "DoNotDisturb", message: "the recipient is busy")
        try request.move(to: .failed, at: now.addingTimeInterval(3))
        try await store.record(request)
        try store.close()

        let reopened = try RequestStore(directory: directory.url)
        defer { try? reopened.close() }
        let restored = try #require(try await reopened.request(request.id))
        #expect(restored == request)
        #expect(restored.attempts.count == 2)
        #expect(restored.state == .failed)
        #expect(restored.updatedAt == now.addingTimeInterval(3))
    }

    @Test func everyStateReadsBackAsStored() async throws {
        try await withTemporaryStore { store, _ in
            let time = StoreSamples.epoch.addingTimeInterval(1)
            let accepted = StoreSamples.request()
            let dispatching = try StoreSamples.dispatched(StoreSamples.request(), at: time)
            let started = try StoreSamples.moved(dispatching, to: .started, at: time)
            let delivered = try StoreSamples.moved(
                StoreSamples.dispatched(StoreSamples.request(), at: time),
                to: .delivered,
                at: time.addingTimeInterval(1)
            )
            let cancelled = try StoreSamples.moved(StoreSamples.request(), to: .cancelled, at: time)
            let expired = try StoreSamples.moved(StoreSamples.request(), to: .expired, at: time)
            for request in [accepted, started, delivered, cancelled, expired] {
                try await store.record(request)
                #expect(try await store.request(request.id) == request)
            }
        }
    }

    @Test func migrationsRunOnAnEmptyFileAndAgainOnReopenDoNothing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let request = StoreSamples.request()
        do {
            let store = try RequestStore(directory: directory.url)
            _ = try await store.insert(request)
            try store.close()
        }
        let store = try RequestStore(directory: directory.url)
        defer { try? store.close() }
        let migrations = try await store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(migrations == ["v1", "v2", "v3", "v4", "v5", "v6"])
        let tables = try await store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(Set(["request", "attempt", "channel", "requestCount"]).isSubset(of: Set(tables)))
        #expect(try await store.request(request.id) == request)
    }

    @Test func theFileIsInWALModeWithFullSynchronousCommitsAndForeignKeys() async throws {
        try await withTemporaryStore { store, directory in
            #expect(store.path == directory.url.appendingPathComponent(RequestStore.fileName).path)
            let (journalMode, synchronous, foreignKeys) = try await store.pool.write { db in
                (
                    try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                    try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                    try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
                )
            }
            #expect(journalMode == "wal")
            #expect(synchronous == 2)  // FULL
            #expect(foreignKeys == 1)
        }
    }

    @Test func theEventsHrefOfTheLastBatchSurvivesReopening() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RequestStore(directory: directory.url)
        #expect(try await store.eventsHref() == nil)
        try await store.recordEventBatch(nextHref: "/ucwa/oauth/v1/applications/105/events?ack=1")
        try await store.recordEventBatch(nextHref: "/ucwa/oauth/v1/applications/105/events?ack=2")
        try store.close()

        let reopened = try RequestStore(directory: directory.url)
        defer { try? reopened.close() }
        #expect(try await reopened.eventsHref() == "/ucwa/oauth/v1/applications/105/events?ack=2")
    }

    @Test func aDirectoryThatDoesNotExistIsRefusedWithATypedError() throws {
        let missing = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/state")
        #expect {
            _ = try RequestStore(directory: missing)
        } throws: { error in
            (error as? StoreError)?.code == .cannotOpen
        }
    }
}
