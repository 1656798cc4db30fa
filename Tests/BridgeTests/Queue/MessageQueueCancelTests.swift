import Foundation
import TestSupport
import Testing
import UCWA
import UCWASimulator

@testable import Bridge

/// `cancel`: only a request that waits for an attempt; the stored row says so, and nothing is sent for it.
@Suite(.timeLimit(.minutes(1))) struct MessageQueueCancelTests {
    @Test func aRequestNotYetAdmittedIsCancelledAndNeverSent() async throws {
        try await QueueFixture.run(startsQueue: false) { fixture in
            let created = try await fixture.enqueue("never mind")
            let cancelled = try await fixture.queue.cancel(created.id)
            #expect(cancelled.id == created.id)
            #expect(cancelled.state == .cancelled)
            let row = try await fixture.stored(created.id)
            #expect(row.state == .cancelled)
            #expect(row.attempts.isEmpty)

            let again = await #expect(throws: QueueError.self) {
                _ = try await fixture.queue.cancel(created.id)
            }
            #expect(again?.code == .notCancellable)
            #expect(again?.reason.contains("cancelled") == true)

            // The loop starts with the cancelled request oldest: only the newer one goes out.
            fixture.startQueue()
            let other = try await fixture.enqueue("this one")
            #expect(try await fixture.outcome(other.id).state == .delivered)
            #expect(try await fixture.stored(created.id).state == .cancelled)
            #expect(fixture.simulator.receivedContinueMessaging.map(\.messageText) == ["this one"])
        }
    }

    @Test func aRequestWaitingBehindAFullAdmissionIsCancelled() async throws {
        try await QueueFixture.run(
            simulator: { $0.outcomeDelay = .seconds(5) },
            queue: QueueConfiguration(admissionLimit: 1)
        ) { fixture in
            let first = try await fixture.enqueue("in flight")
            _ = try await fixture.wait(for: first.id, toReach: .started)
            let waiting = try await fixture.enqueue("behind")
            #expect(await !fixture.dispatcher.isActive(waiting.id))

            let inFlight = await #expect(throws: QueueError.self) {
                _ = try await fixture.queue.cancel(first.id)
            }
            #expect(inFlight?.code == .notCancellable)
            #expect(inFlight?.reason.contains("started") == true)
            #expect(try await fixture.stored(first.id).state == .started)

            #expect(try await fixture.queue.cancel(waiting.id).state == .cancelled)
            #expect(try await fixture.stored(waiting.id).state == .cancelled)

            await fixture.sleepers(on: fixture.simClock, atLeast: 2)
            fixture.simClock.advance(by: .seconds(5))
            #expect(try await fixture.outcome(first.id).state == .delivered)
            await fixture.runEnded(first.id)
            // A later request goes out; the cancelled one never does.
            let later = try await fixture.enqueue("later")
            _ = try await fixture.wait(for: later.id, toReach: .started)
            #expect(try await fixture.stored(waiting.id).state == .cancelled)
            #expect(fixture.simulator.receivedContinueMessaging.map(\.messageText) == ["in flight", "later"])

            let delivered = await #expect(throws: QueueError.self) {
                _ = try await fixture.queue.cancel(first.id)
            }
            #expect(delivered?.code == .notCancellable)
            #expect(delivered?.reason.contains("delivered") == true)
        }
    }

    /// Admitted, waiting for a parked P-GET: the dispatcher gives the request up and the queue stores it cancelled;
    /// it is not admitted again.
    @Test func anAdmittedRequestWaitingForTheChannelIsCancelled() async throws {
        try await QueueFixture.run(
            queue: QueueConfiguration(admissionLimit: 2),
            channel: .attachedNotStarted
        ) { fixture in
            let created = try await fixture.enqueue("withdrawn")
            await fixture.waitForCounters { $0.waitingForChannel == 1 }
            #expect(await fixture.dispatcher.isActive(created.id))

            let cancelled = try await fixture.queue.cancel(created.id)
            #expect(cancelled.state == .cancelled)
            #expect(try await fixture.stored(created.id).state == .cancelled)
            #expect(await !fixture.dispatcher.isActive(created.id))
            #expect(await fixture.dispatcher.activeCount == 0)

            try await fixture.startChannel()
            let other = try await fixture.enqueue("kept")
            #expect(try await fixture.outcome(other.id).state == .delivered)
            #expect(await !fixture.dispatcher.isActive(created.id))
            #expect(try await fixture.stored(created.id).state == .cancelled)
            #expect(fixture.simulator.receivedContinueMessaging.map(\.messageText) == ["kept"])
        }
    }

    /// The store refuses the cancellation (a trigger on the writer's connection stands in for a full disk): the
    /// caller hears why, the row stays queued, and the admission loop takes the request back at once (before, it
    /// waited for whatever woke the loop next: the pass its run's end caused had skipped it as being cancelled).
    @Test func aCancellationTheStoreRefusesIsAnErrorAndTheRequestIsTakenBack() async throws {
        try await QueueFixture.run(
            queue: QueueConfiguration(admissionLimit: 2),
            channel: .attachedNotStarted
        ) { fixture in
            let created = try await fixture.enqueue("kept after all")
            await fixture.waitForCounters { $0.waitingForChannel == 1 }
            try await fixture.store.pool.write { db in
                try db.execute(
                    sql: """
                        CREATE TEMP TRIGGER refuseCancellation BEFORE UPDATE OF state ON request
                        WHEN NEW.state = 'cancelled' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
                        """
                )
            }

            let error = await #expect(throws: QueueError.self) {
                _ = try await fixture.queue.cancel(created.id)
            }
            #expect(error?.code == .storeFailure)
            #expect(error?.reason.contains("database or disk is full") == true)
            #expect(try await fixture.stored(created.id).state == .accepted)
            // The cancel ended the request's run; a pass admits it again and it waits for the channel once more.
            await fixture.waitForCounters { $0.waitingForChannel == 1 }
            #expect(await fixture.dispatcher.isActive(created.id))
            #expect(fixture.simulator.receivedContinueMessaging.isEmpty)
        }
    }

    @Test func aRetryScheduledRequestIsCancelled() async throws {
        try await QueueFixture.run { fixture in
            fixture.simulator.injectFault(.callbackChannelError, at: .continueMessaging)
            let created = try await fixture.enqueue("give up")
            _ = try await fixture.wait(for: created.id, toReach: .retryScheduled)
            await fixture.runEnded(created.id)
            let cancelled = try await fixture.queue.cancel(created.id)
            #expect(cancelled.state == .cancelled)
            #expect(cancelled.attempts.count == 1)
            fixture.clock.advance(by: .seconds(1))
            let other = try await fixture.enqueue("after")
            #expect(try await fixture.outcome(other.id).state == .delivered)
            #expect(try await fixture.stored(created.id).state == .cancelled)
            #expect(fixture.simulator.receivedContinueMessaging.count == 2)
        }
    }

    @Test func anUnknownRequestIsNotFound() async throws {
        try await QueueFixture.run { fixture in
            let error = await #expect(throws: QueueError.self) {
                _ = try await fixture.queue.cancel(RequestID.random())
            }
            #expect(error?.code == .notFound)
        }
    }
}
