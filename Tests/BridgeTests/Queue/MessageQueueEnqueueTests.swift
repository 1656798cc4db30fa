import Foundation
import TestSupport
import Testing
import UCWA
import UCWASimulator

@testable import Bridge

/// `enqueue`: what is stored before it returns, idempotency keys, operationIds, and what is refused (with nothing
/// stored).
@Suite(.timeLimit(.minutes(1))) struct MessageQueueEnqueueTests {
    @Test func enqueueStoresTheRequestAcceptedBeforeReturningAndItIsDeliveredOnce() async throws {
        try await QueueFixture.run(startsQueue: false) { fixture in
            let created = try await fixture.enqueue("the build is green")
            // Read straight from the store: no admission loop runs yet, so this is what enqueue itself wrote.
            let row = try await fixture.stored(created.id)
            #expect(row.state == .accepted)
            #expect(row.id == created.id)
            #expect(row.message == "the build is green")
            #expect(row.conversationLog == fixture.logHref)
            #expect(row.attempts.isEmpty)
            #expect(row.createdAt == QueueFixture.base)
            #expect(row.deadline == QueueFixture.base.addingTimeInterval(3600))
            #expect(fixture.simulator.receivedContinueMessaging.isEmpty)

            fixture.startQueue()
            let done = try await fixture.outcome(created.id)
            #expect(done.state == .delivered)
            #expect(done.attempts.count == 1)
            #expect(done.invitation != nil)
            #expect(try await fixture.stored(created.id).state == .delivered)
            let posts = fixture.posts(of: done)
            #expect(posts.count == 1)
            #expect(posts.first?.operationId == done.attempts.first?.operationID.rawValue)
            #expect(posts.first?.messageText == "the build is green")
            #expect(posts.first?.httpStatus == 201)
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)
        }
    }

    @Test func aClientSuppliedOperationIDIsTheFirstAttempts() async throws {
        try await QueueFixture.run { fixture in
            let operationID = try OperationID(validating: "ticket-4711-first")
            let created = try await fixture.enqueue(operationID: operationID)
            #expect(try await fixture.stored(created.id).operationID == operationID)
            let done = try await fixture.outcome(created.id)
            #expect(done.state == .delivered)
            #expect(done.attempts.map(\.operationID) == [operationID])
            #expect(fixture.simulator.receivedContinueMessaging.map(\.operationId) == [operationID.rawValue])
        }
    }

    @Test func theSameIdempotencyKeyReturnsTheFirstRequest() async throws {
        try await QueueFixture.run(startsQueue: false) { fixture in
            let first = try await fixture.enqueue("first", idempotencyKey: "ticket-42")
            let again = try await fixture.queue.enqueue(fixture.draft("second", idempotencyKey: "ticket-42"))
            guard case .existing(let existing) = again else {
                Issue.record("expected the existing request, got \(again)")
                return
            }
            #expect(existing.id == first.id)
            #expect(existing.message == "first")
            #expect(try await fixture.storedCount() == 1)

            // Still the same request once it is delivered; nothing is sent for the second call.
            fixture.startQueue()
            #expect(try await fixture.outcome(first.id).state == .delivered)
            let late = try await fixture.queue.enqueue(fixture.draft("third", idempotencyKey: "ticket-42"))
            #expect(late == .existing(try await fixture.stored(first.id)))
            #expect(late.request.state == .delivered)
            #expect(try await fixture.storedCount() == 1)
            #expect(fixture.simulator.receivedContinueMessaging.map(\.messageText) == ["first"])
        }
    }

    @Test func anOperationIDUsedByAnotherRequestIsRefused() async throws {
        try await QueueFixture.run(startsQueue: false) { fixture in
            let operationID = try OperationID(validating: "op-used-twice")
            let first = try await fixture.enqueue("first", operationID: operationID)
            let error = await #expect(throws: QueueError.self) {
                _ = try await fixture.queue.enqueue(fixture.draft("second", operationID: operationID))
            }
            #expect(error?.code == .operationIDInUse)
            #expect(try await fixture.storedCount() == 1)

            // An operationId the dispatcher generated for another request's attempt is taken as well.
            let other = try await fixture.enqueue("other")
            fixture.startQueue()
            #expect(try await fixture.outcome(first.id).state == .delivered)
            let delivered = try await fixture.outcome(other.id)
            let generated = try #require(delivered.attempts.first?.operationID)
            let reused = await #expect(throws: QueueError.self) {
                _ = try await fixture.queue.enqueue(fixture.draft("third", operationID: generated))
            }
            #expect(reused?.code == .operationIDInUse)
            #expect(try await fixture.storedCount() == 2)
        }
    }

    @Test func concurrentRequestsWithOneOperationIDStoreOnlyOne() async throws {
        try await QueueFixture.run(startsQueue: false) { fixture in
            let operationID = try OperationID(validating: "op-raced")
            let queue = fixture.queue
            let drafts = (0..<8).map { fixture.draft("racer \($0)", operationID: operationID) }
            let results = await withTaskGroup(of: Result<RequestInsertion, QueueError>.self) { group in
                for draft in drafts {
                    group.addTask {
                        do throws(QueueError) {
                            return .success(try await queue.enqueue(draft))
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let created = results.compactMap { try? $0.get() }
            let refused = results.compactMap { result -> QueueError? in
                if case .failure(let error) = result { return error }
                return nil
            }
            #expect(created.count == 1)
            #expect(refused.count == 7)
            #expect(refused.allSatisfy { $0.code == .operationIDInUse })
            #expect(try await fixture.storedCount() == 1)
        }
    }

    @Test func hrefsOutsideTheApplicationOrOriginAreRefused() async throws {
        try await QueueFixture.run { fixture in
            let applicationPath = fixture.context.selfHref.path
            let origin = fixture.simulator.origin.absoluteString
            let refused = [
                // Another origin.
                "https://evil.example.com\(applicationPath)/communication/conversationLogs/log-alice",
                "http://127.0.0.2:1\(applicationPath)/communication/conversationLogs/log-alice",
                // The origin, but not under the applications collection.
                "\(origin)/ucwa/oauth/v1/people/communication/conversationLogs/log-alice",
                "/Autodiscover/AutodiscoverService.svc/root",
                // The application itself, nothing under it.
                applicationPath,
                // Dot segments that would climb out of the application.
                "\(applicationPath)/../../../admin/faults",
                "",
            ]
            for href in refused {
                let error = await #expect(throws: QueueError.self, "\(href)") {
                    _ = try await fixture.queue.enqueue(fixture.draft(log: href))
                }
                #expect(error?.code == .hrefRefused, "\(href)")
            }
            let stored = try await fixture.storedCount()
            #expect(stored == 0)
            #expect(fixture.simulator.receivedContinueMessaging.isEmpty)
        }
    }

    @Test func aDeadlineThatHasPassedIsRefused() async throws {
        try await QueueFixture.run { fixture in
            for deadline in [fixture.now.addingTimeInterval(-1), fixture.now] {
                let error = await #expect(throws: QueueError.self) {
                    _ = try await fixture.queue.enqueue(fixture.draft(deadline: deadline))
                }
                #expect(error?.code == .deadlinePassed)
            }
            #expect(try await fixture.storedCount() == 0)
            // A deadline in the future is kept as given.
            let deadline = fixture.now.addingTimeInterval(90)
            let created = try await fixture.enqueue(deadline: deadline)
            #expect(try await fixture.stored(created.id).deadline == deadline)
        }
    }

    @Test func aStoppedQueueRefusesNewRequests() async throws {
        try await QueueFixture.run { fixture in
            await fixture.queue.stop()
            #expect(await fixture.queue.isStopped)
            let error = await #expect(throws: QueueError.self) {
                _ = try await fixture.queue.enqueue(fixture.draft())
            }
            #expect(error?.code == .shuttingDown)
            let stored = try await fixture.storedCount()
            #expect(stored == 0)
        }
    }
}
