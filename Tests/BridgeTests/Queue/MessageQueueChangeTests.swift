import Foundation
import TestSupport
import Testing
import UCWA
import UCWASimulator

@testable import Bridge

/// `change(of:from:within:)`, the API's `?wait=`: returns on a stored change, after the wait, or at once.
@Suite(.timeLimit(.minutes(1))) struct MessageQueueChangeTests {
    @Test func aWaiterSeesTheChangedRequest() async throws {
        try await QueueFixture.run(startsQueue: false) { fixture in
            let created = try await fixture.enqueue("watched")
            let queue = fixture.queue
            let waiter = Task { try await queue.change(of: created.id, from: .accepted, within: .seconds(30)) }
            // The waiter's timer is the only sleeper on the queue's clock (no admission loop runs).
            await fixture.sleepers(on: fixture.clock, atLeast: 1)
            #expect(fixture.changes.subscriptionCount == 1)

            let cancelled = try await queue.cancel(created.id)
            let seen = try #require(try await waiter.value)
            #expect(seen.state == .cancelled)
            #expect(seen == cancelled)
            #expect(seen == (try await fixture.stored(created.id)))
            #expect(fixture.changes.subscriptionCount == 0)
            #expect(fixture.clock.sleeperCount == 0)
        }
    }

    @Test func aWaiterFollowsARequestThroughTheDispatcher() async throws {
        try await QueueFixture.run(startsQueue: false) { fixture in
            let created = try await fixture.enqueue("followed")
            let queue = fixture.queue
            let waiter = Task { try await queue.change(of: created.id, from: nil, within: .seconds(30)) }
            await fixture.sleepers(on: fixture.clock, atLeast: 1)
            fixture.startQueue()
            let seen = try #require(try await waiter.value)
            // A stored change after accepted (the newest one when several came at once).
            #expect(seen.state != .accepted)
            #expect(seen.attempts.count == 1)
            #expect(seen.operationID == seen.attempts.first?.operationID)
            #expect(try await fixture.outcome(created.id).state == .delivered)
        }
    }

    @Test func aWaiterForTheFinalStateSkipsTheStepsBetween() async throws {
        try await QueueFixture.run(startsQueue: false) { fixture in
            let created = try await fixture.enqueue("followed to the end")
            let queue = fixture.queue
            let waiter = Task {
                try await queue.change(of: created.id, from: nil, within: .seconds(30), until: .final)
            }
            await fixture.sleepers(on: fixture.clock, atLeast: 1)
            fixture.startQueue()
            let seen = try #require(try await waiter.value)
            #expect(seen.state == .delivered)
            #expect(seen == (try await fixture.stored(created.id)))
            #expect(fixture.changes.subscriptionCount == 0)
        }
    }

    @Test func anUpdateOlderThanTheStoredRowIsNotAChange() async throws {
        try await QueueFixture.run(startsQueue: false) { fixture in
            let created = try await fixture.enqueue("not backwards")
            let queue = fixture.queue
            let waiter = Task { try await queue.change(of: created.id, from: nil, within: .seconds(30)) }
            await fixture.sleepers(on: fixture.clock, atLeast: 1)
            // As if buffered before the waiter read the row: another state, stamped before the row's last change.
            var stale = created
            try stale.move(to: .cancelled, at: created.updatedAt.addingTimeInterval(-1))
            fixture.changes.publish(stale)
            fixture.clock.advance(by: .seconds(30))
            let seen = try #require(try await waiter.value)
            #expect(seen.state == .accepted)
        }
    }

    @Test func aWaiterGetsTheUnchangedRequestWhenTheWaitPasses() async throws {
        try await QueueFixture.run(startsQueue: false) { fixture in
            let created = try await fixture.enqueue("quiet")
            let queue = fixture.queue
            let waiter = Task { try await queue.change(of: created.id, from: nil, within: .seconds(30)) }
            await fixture.sleepers(on: fixture.clock, atLeast: 1)
            fixture.clock.advance(by: .seconds(29))
            #expect(fixture.clock.sleeperCount == 1)
            fixture.clock.advance(by: .seconds(1))
            let seen = try #require(try await waiter.value)
            #expect(seen.state == .accepted)
            #expect(seen == (try await fixture.stored(created.id)))
            #expect(fixture.changes.subscriptionCount == 0)
        }
    }

    @Test func aTerminalOrAlreadyChangedRequestReturnsAtOnce() async throws {
        try await QueueFixture.run { fixture in
            let created = try await fixture.enqueue("done")
            let delivered = try await fixture.outcome(created.id)
            #expect(delivered.state == .delivered)
            // No clock moves here: any of these waiting would hit the time limit.
            let terminal = try await fixture.queue.change(of: created.id, from: nil, within: .seconds(3600))
            #expect(terminal?.state == .delivered)
            let fromTerminal = try await fixture.queue.change(
                of: created.id,
                from: .delivered,
                within: .seconds(3600)
            )
            #expect(fromTerminal?.state == .delivered)
            let fromOther = try await fixture.queue.change(of: created.id, from: .accepted, within: .seconds(3600))
            #expect(fromOther?.state == .delivered)
            #expect(try await fixture.queue.change(of: RequestID.random(), from: nil, within: .seconds(3600)) == nil)
            #expect(fixture.changes.subscriptionCount == 0)
        }
    }

    @Test func aCancelledWaitReturnsTheRequestAsItIs() async throws {
        try await QueueFixture.run(startsQueue: false) { fixture in
            let created = try await fixture.enqueue("abandoned")
            let queue = fixture.queue
            let waiter = Task { try await queue.change(of: created.id, from: nil, within: .seconds(3600)) }
            await fixture.sleepers(on: fixture.clock, atLeast: 1)
            waiter.cancel()
            let seen = try #require(try await waiter.value)
            #expect(seen.state == .accepted)
            #expect(fixture.changes.subscriptionCount == 0)
            #expect(fixture.clock.sleeperCount == 0)
        }
    }
}
