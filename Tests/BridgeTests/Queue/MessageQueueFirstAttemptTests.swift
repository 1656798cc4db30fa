import Foundation
import TestSupport
import Testing
import UCWA

@testable import Bridge

/// A request that may start at once is stored `dispatching` with its first attempt by the insert that accepts it,
/// so that the attempt needs no commit (and no disk sync) of its own before its POST.
@Suite struct MessageQueueFirstAttemptTests {
    /// The `202` shows the stored attempt; its POST carries that operationId, once.
    @Test(.timeLimit(.minutes(1))) func theAcceptingInsertStoresTheFirstAttempt() async throws {
        try await QueueFixture.run(simulator: { $0.outcomeDelay = .seconds(5) }) { fixture in
            // After the admission loop's first pass (its wait is then the only sleeper on the queue's clock), nothing
            // older waits for room.
            await fixture.sleepers(on: fixture.clock, atLeast: 1)
            let operationID = try OperationID(validating: "first-attempt-1")
            let accepted = try await fixture.enqueue("stored with its attempt", operationID: operationID)
            #expect(accepted.state == .dispatching)
            #expect(accepted.attempts.map(\.operationID) == [operationID])
            #expect(accepted.attempts.first?.startedAt == accepted.createdAt)
            #expect(await fixture.queue.directAdmissions == 1)
            // Its one line per change of state includes the step it was stored at.
            #expect(fixture.logs.all.contains { $0.contains("request dispatching") && $0.contains("\(accepted.id)") })

            _ = try await fixture.wait(for: accepted.id, toReach: .started)
            await fixture.sleepers(on: fixture.simClock, atLeast: 2)
            fixture.simClock.advance(by: .seconds(5))
            let delivered = try await fixture.outcome(accepted.id)
            #expect(delivered.state == .delivered)
            #expect(try await fixture.stored(accepted.id).attempts.map(\.operationID) == [operationID])
            #expect(fixture.simulator.receivedContinueMessaging.map(\.operationId) == [operationID.rawValue])
        }
    }

    /// A stored first attempt whose run has not sent it when the daemon begins to stop (here it waits for the one
    /// in-flight slot) is stored `retryScheduled`, due at once, with attempt code `NotSent`, and is never POSTed.
    @Test(.timeLimit(.minutes(1))) func aStoredAttemptNotSentBeforeTheDrainIsDueAgain() async throws {
        try await QueueFixture.run(
            simulator: { $0.outcomeDelay = .seconds(5) },
            dispatch: { $0.concurrency = 1 },
            queue: QueueConfiguration(admissionLimit: 2)
        ) { fixture in
            await fixture.sleepers(on: fixture.clock, atLeast: 1)
            let first = try await fixture.enqueue("holds the one slot")
            _ = try await fixture.wait(for: first.id, toReach: .started)
            let second = try await fixture.enqueue("stored, waiting for the slot")
            #expect(second.state == .dispatching)

            // As the daemon stops: the queue first, then the dispatcher's drain.
            await fixture.queue.stop()
            #expect(await fixture.dispatcher.drain(within: .seconds(1), clock: fixture.clock) == 0)
            await fixture.sleepers(on: fixture.simClock, atLeast: 2)
            fixture.simClock.advance(by: .seconds(5))
            #expect(try await fixture.outcome(first.id).state == .delivered)

            let rescheduled = try await fixture.waitUntil(second.id) { $0.state == .retryScheduled }
            #expect(rescheduled.state == .retryScheduled)
            #expect(rescheduled.attempts.map(\.code) == [RequestFailure.notSent])
            #expect(rescheduled.nextAttemptAt == rescheduled.updatedAt)
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)
        }
    }

    /// An enqueue that stored nothing (the idempotency key was seen) gives back the run it was promised.
    @Test(.timeLimit(.minutes(1))) func aRequestThatWasNotStoredGivesBackItsRun() async throws {
        try await QueueFixture.run(simulator: { $0.outcomeDelay = .seconds(5) }) { fixture in
            // After the admission loop's first pass (its wait is then the only sleeper on the queue's clock), nothing
            // older waits for room.
            await fixture.sleepers(on: fixture.clock, atLeast: 1)
            let first = try await fixture.enqueue("once", idempotencyKey: "same-key")
            #expect(await fixture.dispatcher.activeCount == 1)

            let again = try await fixture.queue.enqueue(fixture.draft("once", idempotencyKey: "same-key"))
            #expect(again == .existing(try await fixture.stored(first.id)))
            #expect(await fixture.dispatcher.activeCount == 1)
            #expect(await fixture.queue.directAdmissions == 1)
        }
    }
}
