import Foundation
import TestSupport
import Testing
import UCWA
import UCWASimulator

@testable import Bridge

/// The admission loop deletes finished requests once they are older than the retention, and nothing else.
@Suite(.timeLimit(.minutes(1))) struct MessageQueueRetentionTests {
    @Test func finishedRequestsOlderThanTheRetentionAreDeleted() async throws {
        try await QueueFixture.run(
            queue: QueueConfiguration(
                retention: .seconds(300),
                idleCheckInterval: .seconds(30),
                pruneInterval: .seconds(1)
            ),
            startsQueue: false
        ) { fixture in
            // A request waiting for a retry far away, as old as the first delivered one: not finished, never pruned.
            var waiting = MessageRequest(
                conversationLog: fixture.logHref,
                message: "much later",
                deadline: fixture.now.addingTimeInterval(20_000),
                createdAt: fixture.now
            )
            _ = try await fixture.store.insert(waiting)
            waiting = try StoreSamples.dispatched(waiting, at: fixture.now)
            try await fixture.store.record(waiting)
            waiting = try StoreSamples.retryScheduled(
                waiting,
                at: fixture.now,
                next: fixture.now.addingTimeInterval(10_000)
            )
            try await fixture.store.record(waiting)
            fixture.startQueue()

            let old = try await fixture.outcome(try await fixture.enqueue("old news").id)
            #expect(old.state == .delivered)
            let oldOperationID = try #require(old.attempts.first?.operationID)
            await fixture.runEnded(old.id)

            fixture.clock.advance(by: .seconds(250))
            let recent = try await fixture.enqueue("recent news")
            #expect(try await fixture.outcome(recent.id).state == .delivered)
            await fixture.runEnded(recent.id)
            #expect(try await fixture.store.request(old.id) != nil)

            // 300 s after the first delivery, a pass of the loop deletes it (and the attempts with it).
            let pruned = try await fixture.advanceQueue(by: .seconds(31)) {
                try await fixture.store.request(old.id) == nil
            }
            #expect(pruned)
            #expect(fixture.now.timeIntervalSince(QueueFixture.base) < 550)
            #expect(try await fixture.store.isOperationIDUsed(oldOperationID.rawValue) == false)
            #expect(try await fixture.stored(recent.id).state == .delivered)
            #expect(try await fixture.stored(waiting.id).state == .retryScheduled)
            #expect(fixture.logs.all.contains { $0.contains("finished requests past their retention deleted") })
        }
    }
}
