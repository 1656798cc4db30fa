import Foundation
import TestSupport
import Testing
import UCWA
import UCWASimulator

@testable import Bridge

/// Retries wait on disk, not in the dispatcher; deadlines end waiting requests `expired`.
@Suite(.timeLimit(.minutes(1))) struct MessageQueueRetryTests {
    @Test(arguments: [
        (SimulatedFault.callbackChannelError, 500, "ServiceFailure" as String?, "CallbackChannelError" as String?),
        (SimulatedFault.serviceUnavailable, 503, nil, nil),
    ])
    func aRetryWaitsInTheStoreUntilItIsDue(
        fault: SimulatedFault,
        status: Int,
        code: String?,
        subcode: String?
    ) async throws {
        try await QueueFixture.run { fixture in
            fixture.simulator.injectFault(fault, at: .continueMessaging)
            let created = try await fixture.enqueue("try again")
            let scheduled = try await fixture.wait(for: created.id, toReach: .retryScheduled)
            await fixture.runEnded(created.id)
            #expect(await !fixture.dispatcher.isActive(created.id))
            #expect(await fixture.dispatcher.request(created.id) == nil)
            #expect(await fixture.dispatcher.activeCount == 0)

            let row = try await fixture.stored(created.id)
            #expect(row == scheduled)
            #expect(row.state == .retryScheduled)
            // The policy's first wait: 1 s, no jitter.
            #expect(row.nextAttemptAt == QueueFixture.base.addingTimeInterval(1))
            #expect(row.attempts.count == 1)
            #expect(row.attempts.first?.httpStatus == status)
            #expect(row.attempts.first?.code == code)
            #expect(row.attempts.first?.subcode == subcode)
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)

            fixture.clock.advance(by: .seconds(1))
            let done = try await fixture.outcome(created.id)
            #expect(done.state == .delivered)
            #expect(done.attempts.count == 2)
            #expect(done.nextAttemptAt == nil)
            #expect(done.attempts[0].operationID != done.attempts[1].operationID)
            #expect(done.attempts[1].startedAt == QueueFixture.base.addingTimeInterval(1))
            #expect(fixture.posts(of: done).map(\.httpStatus) == [status, 201])
        }
    }

    @Test func aRequestThatIsNotDueIsNotAdmitted() async throws {
        try await QueueFixture.run(dispatch: {
            $0.retry = try! RetryPolicy(
                initialDelay: .seconds(60),
                multiplier: 2,
                maximumDelay: .seconds(300),
                jitter: .none,
                maximumAttempts: nil,
                deadline: .seconds(3600)
            )
        }) { fixture in
            fixture.simulator.injectFault(.callbackChannelError, at: .continueMessaging)
            let created = try await fixture.enqueue("later")
            let scheduled = try await fixture.wait(for: created.id, toReach: .retryScheduled)
            #expect(scheduled.nextAttemptAt == QueueFixture.base.addingTimeInterval(60))
            await fixture.runEnded(created.id)
            // A newer request is admitted and delivered meanwhile; the older one keeps waiting for its time.
            let other = try await fixture.enqueue("now")
            #expect(try await fixture.outcome(other.id).state == .delivered)
            #expect(try await fixture.stored(created.id).state == .retryScheduled)
            #expect(await !fixture.dispatcher.isActive(created.id))
            #expect(fixture.simulator.receivedContinueMessaging.count == 2)

            fixture.clock.advance(by: .seconds(60))
            #expect(try await fixture.outcome(created.id).state == .delivered)
            #expect(fixture.simulator.receivedContinueMessaging.count == 3)
        }
    }

    /// A retry that falls due while the admission limit is taken waits for the slot without spinning: the loop
    /// sleeps until a run ends.
    @Test func aDueRetryBehindAFullAdmissionWaitsWithoutSpinning() async throws {
        try await QueueFixture.run(
            simulator: { $0.outcomeDelay = .seconds(5) },
            queue: QueueConfiguration(admissionLimit: 1)
        ) { fixture in
            fixture.simulator.injectFault(.callbackChannelError, at: .continueMessaging)
            let retried = try await fixture.enqueue("retried")
            _ = try await fixture.wait(for: retried.id, toReach: .retryScheduled)
            await fixture.runEnded(retried.id)
            let blocking = try await fixture.enqueue("blocking")
            _ = try await fixture.wait(for: blocking.id, toReach: .started)
            fixture.simulator.setOutcomeDelay(.zero)

            // The retry is due now, but the one slot is taken. A loop that spins never sleeps again: this waits
            // for the blocking request's outcome timer and the queue's own wait.
            fixture.clock.advance(by: .seconds(1))
            await fixture.sleepers(on: fixture.clock, atLeast: 2)
            #expect(await !fixture.dispatcher.isActive(retried.id))
            #expect(await fixture.dispatcher.activeCount == 1)
            #expect(try await fixture.stored(retried.id).state == .retryScheduled)

            await fixture.sleepers(on: fixture.simClock, atLeast: 2)
            fixture.simClock.advance(by: .seconds(5))
            #expect(try await fixture.outcome(blocking.id).state == .delivered)
            // The run's end frees the slot and wakes the loop.
            #expect(try await fixture.outcome(retried.id).state == .delivered)
            #expect(
                fixture.simulator.receivedContinueMessaging.map(\.messageText) == ["retried", "blocking", "retried"]
            )
        }
    }

    /// No event channel: nothing is admitted, and a request whose deadline passes ends `expired`; the others are
    /// delivered once a channel is attached.
    @Test func aDeadlinePassingWithoutAChannelExpiresTheRequest() async throws {
        try await QueueFixture.run(
            queue: QueueConfiguration(admissionLimit: 2, idleCheckInterval: .seconds(30)),
            channel: .detached
        ) { fixture in
            let short = try await fixture.enqueue("soon stale", deadline: fixture.now.addingTimeInterval(10))
            let long = try await fixture.enqueue("patient")
            let expired = try await fixture.advanceQueue(by: .seconds(31)) {
                try await fixture.stored(short.id).state == .expired
            }
            #expect(expired)
            let row = try await fixture.stored(short.id)
            #expect(row.state == .expired)
            #expect(row.failure?.code == "DeadlinePassed")
            #expect(row.attempts.isEmpty)
            #expect(row.nextAttemptAt == nil)
            #expect(try await fixture.stored(long.id).state == .accepted)
            #expect(await fixture.dispatcher.activeCount == 0)

            try await fixture.startChannel()
            // The queue looks again within its idle interval.
            fixture.clock.advance(by: .seconds(30))
            #expect(try await fixture.outcome(long.id).state == .delivered)
            #expect(try await fixture.stored(short.id).state == .expired)
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)
        }
    }

    /// The admission limit is taken by a request in flight: the one waiting behind it expires on disk.
    @Test func aDeadlinePassingBehindAFullAdmissionExpiresTheRequest() async throws {
        try await QueueFixture.run(
            simulator: { $0.outcomeDelay = .seconds(5) },
            queue: QueueConfiguration(admissionLimit: 1, idleCheckInterval: .seconds(30))
        ) { fixture in
            let first = try await fixture.enqueue("in flight")
            _ = try await fixture.wait(for: first.id, toReach: .started)
            let waiting = try await fixture.enqueue("stuck", deadline: fixture.now.addingTimeInterval(10))
            #expect(await !fixture.dispatcher.isActive(waiting.id))
            // The request in flight has its outcome timer on the clock besides the queue.
            let expired = try await fixture.advanceQueue(by: .seconds(31), otherSleepers: 1) {
                try await fixture.stored(waiting.id).state == .expired
            }
            #expect(expired)
            let row = try await fixture.stored(waiting.id)
            #expect(row.failure?.code == "DeadlinePassed")
            #expect(row.attempts.isEmpty)
            #expect(try await fixture.stored(first.id).state == .started)

            await fixture.sleepers(on: fixture.simClock, atLeast: 2)
            fixture.simClock.advance(by: .seconds(5))
            #expect(try await fixture.outcome(first.id).state == .delivered)
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)
        }
    }

    /// A request admitted while the channel had no P-GET out, whose deadline passes before one is: `expired`
    /// before anything is sent.
    @Test func aDeadlinePassingWhileWaitingForAParkedPGetExpiresTheRequest() async throws {
        try await QueueFixture.run(
            queue: QueueConfiguration(admissionLimit: 2, idleCheckInterval: .seconds(30)),
            channel: .attachedNotStarted
        ) { fixture in
            let created = try await fixture.enqueue("waits", deadline: fixture.now.addingTimeInterval(10))
            await fixture.waitForCounters { $0.waitingForChannel == 1 }
            #expect(await fixture.dispatcher.isActive(created.id))
            fixture.clock.advance(by: .seconds(11))
            try await fixture.startChannel()
            let done = try await fixture.outcome(created.id)
            #expect(done.state == .expired)
            #expect(done.failure?.code == "DeadlinePassed")
            #expect(done.attempts.isEmpty)
            #expect(fixture.simulator.receivedContinueMessaging.isEmpty)
        }
    }
}
