import Foundation
import Testing
import UCWA

@testable import Bridge

/// `record` keeps the ``RequestJournal`` contract: one transaction per call, and only the state machine's moves.
struct RequestStoreJournalTests {
    @Test func anIllegalMoveIsRefusedAndChangesNothing() async throws {
        try await withTemporaryStore { store, _ in
            let time = StoreSamples.epoch.addingTimeInterval(1)
            let delivered = try StoreSamples.moved(
                StoreSamples.dispatched(StoreSamples.request(), at: time),
                to: .delivered,
                at: time.addingTimeInterval(1)
            )
            try await store.record(delivered)

            // A copy of the same request that never got further than `dispatching`, with another attempt: a bug in a
            // caller, which the store must not write.
            var stale = try StoreSamples.dispatched(StoreSamples.request(id: delivered.id.rawValue), at: time)
            stale.attempts.append(Attempt(operationID: .random(), startedAt: time))
            stale.invitation = "/ucwa/oauth/v1/applications/105/communication/messagingInvitations/other"
            let refusal = await #expect(throws: StoreError.self) { try await store.record(stale) }
            #expect(refusal?.code == .invalidTransition)
            #expect(refusal?.source == "record")
            let stored = try #require(try await store.request(delivered.id))
            #expect(stored == delivered)
            #expect(stored.attempts == delivered.attempts)
        }
    }

    @Test func aTerminalRequestIsNotRewrittenInTheSameState() async throws {
        try await withTemporaryStore { store, _ in
            let cancelled = try StoreSamples.moved(StoreSamples.request(), to: .cancelled, at: StoreSamples.epoch)
            try await store.record(cancelled)
            var changed = cancelled
            changed.failure = RequestFailure(code: "X", message: "rewritten")
            await #expect(throws: StoreError.self) { try await store.record(changed) }
            #expect(try await store.request(cancelled.id) == cancelled)
        }
    }

    @Test func aNonTerminalRequestMayBeRecordedAgainInTheSameState() async throws {
        try await withTemporaryStore { store, _ in
            let time = StoreSamples.epoch.addingTimeInterval(1)
            var request = try StoreSamples.dispatched(StoreSamples.request(), at: time)
            try await store.record(request)
            request.attempts[0].httpStatus = 201
            try await store.record(request)
            #expect(try await store.request(request.id) == request)
        }
    }

    /// What a client handed over is written once: a later record of the request changes its progress, not its
    /// message, conversation log, content type, idempotency key, deadline or creation time.
    @Test func whatTheClientHandedOverIsWrittenOnce() async throws {
        try await withTemporaryStore { store, _ in
            let time = StoreSamples.epoch.addingTimeInterval(1)
            let accepted = StoreSamples.request(idempotencyKey: "first")
            try await store.record(accepted)
            var dispatched = try StoreSamples.dispatched(accepted, at: time)
            dispatched.message = "changed after acceptance"
            dispatched.conversationLog = "/ucwa/oauth/v1/applications/105/communication/conversationLogs/other"
            dispatched.contentType = .html
            dispatched.idempotencyKey = "changed"
            dispatched.deadline = time.addingTimeInterval(5)
            dispatched.createdAt = time
            dispatched.invitation = "/ucwa/oauth/v1/applications/105/communication/messagingInvitations/1"
            try await store.record(dispatched)

            let stored = try #require(try await store.request(accepted.id))
            #expect(stored.state == .dispatching)
            #expect(stored.attempts == dispatched.attempts)
            #expect(stored.operationID == dispatched.operationID)
            #expect(stored.invitation == dispatched.invitation)
            #expect(stored.updatedAt == dispatched.updatedAt)
            #expect(stored.message == accepted.message)
            #expect(stored.conversationLog == accepted.conversationLog)
            #expect(stored.contentType == accepted.contentType)
            #expect(stored.idempotencyKey == accepted.idempotencyKey)
            #expect(stored.deadline == accepted.deadline)
            #expect(stored.createdAt == accepted.createdAt)
        }
    }

    /// An attempt starts only from the stored attempts: a copy read before the first attempt (an admission pass
    /// working from an old read while the request was sent and scheduled for a retry) cannot start another, nor
    /// end the request and erase the attempt it missed.
    @Test func anAttemptFromAnOldCopyIsRefused() async throws {
        try await withTemporaryStore { store, _ in
            let time = StoreSamples.epoch.addingTimeInterval(1)
            let accepted = StoreSamples.request()
            try await store.record(accepted)
            let first = try StoreSamples.dispatched(accepted, at: time)
            try await store.record(first)
            let retrying = try StoreSamples.retryScheduled(first, at: time, next: time.addingTimeInterval(30))
            try await store.record(retrying)

            let stale = try StoreSamples.dispatched(accepted, at: time.addingTimeInterval(1))
            let refusal = await #expect(throws: StoreError.self) { try await store.record(stale) }
            #expect(refusal?.code == .staleCopy)
            #expect(try await store.request(accepted.id) == retrying)
            // Nor may the old copy end the request and erase the attempt it never saw.
            let expired = try StoreSamples.moved(accepted, to: .expired, at: time.addingTimeInterval(1))
            let erasing = await #expect(throws: StoreError.self) { try await store.record(expired) }
            #expect(erasing?.code == .staleCopy)
            #expect(try await store.request(accepted.id) == retrying)

            // From the stored row, the next attempt is taken.
            let second = try StoreSamples.dispatched(retrying, at: time.addingTimeInterval(30))
            try await store.record(second)
            #expect(try await store.request(accepted.id)?.attempts.count == 2)
        }
    }

    @Test func aRefusedAttemptLeavesTheRowAndItsAttemptsAsTheyWere() async throws {
        try await withTemporaryStore { store, _ in
            let time = StoreSamples.epoch.addingTimeInterval(1)
            let other = try StoreSamples.dispatched(StoreSamples.request(), at: time)
            try await store.record(other)
            let first = try StoreSamples.dispatched(StoreSamples.request(), at: time)
            try await store.record(first)

            // A valid move whose new attempt reuses the other request's operationId: the attempt insert fails, so
            // the row's change of state must be rolled back with it.
            var retried = try StoreSamples.retryScheduled(first, at: time.addingTimeInterval(1), next: time)
            retried = try StoreSamples.dispatched(retried, at: time.addingTimeInterval(2))
            retried.attempts[1].operationID = other.attempts[0].operationID
            let refusal = await #expect(throws: StoreError.self) { try await store.record(retried) }
            #expect(refusal?.code == .constraintViolated)
            #expect(try await store.request(first.id) == first)
            #expect(try await store.request(other.id) == other)
        }
    }

    @Test func aRequestNotStoredYetIsInsertedByRecord() async throws {
        try await withTemporaryStore { store, _ in
            let request = try StoreSamples.retryScheduled(
                StoreSamples.dispatched(StoreSamples.request(), at: StoreSamples.epoch),
                at: StoreSamples.epoch,
                next: StoreSamples.epoch.addingTimeInterval(5)
            )
            try await store.record(request)
            #expect(try await store.request(request.id) == request)
        }
    }

    @Test func theDispatcherCanUseTheStoreAsItsJournal() async throws {
        try await withTemporaryStore { store, _ in
            let journal: any RequestJournal = store
            let request = StoreSamples.request()
            try await journal.record(request)
            #expect(try await store.request(request.id) == request)
        }
    }
}
