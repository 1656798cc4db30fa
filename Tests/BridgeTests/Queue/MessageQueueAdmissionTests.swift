import Foundation
import TestSupport
import Testing
import UCWA
import UCWASimulator

@testable import Bridge

/// Admission: at most `admissionLimit` requests have a run in the dispatcher, the oldest due ones first; the rest
/// wait on disk, however many there are.
@Suite struct MessageQueueAdmissionTests {
    /// Twenty requests, two at a time: every invitation's `completed` waits for the simulator's clock, so the test
    /// looks at each pair while it is in flight, then lets it finish.
    @Test(.timeLimit(.minutes(1))) func atMostTheAdmissionLimitRunsAndTheOldestGoFirst() async throws {
        try await QueueFixture.run(
            simulator: { $0.outcomeDelay = .seconds(5) },
            queue: QueueConfiguration(admissionLimit: 2)
        ) { fixture in
            var requests: [MessageRequest] = []
            for index in 0..<20 {
                requests.append(try await fixture.enqueue("message \(index)"))
                // Distinct createdAt, so that "oldest first" is one order.
                fixture.clock.advance(by: .milliseconds(1))
            }
            #expect(await fixture.dispatcher.activeCount <= 2)

            for pair in 0..<10 {
                let inFlight = Array(requests[(2 * pair)..<(2 * pair + 2)])
                for request in inFlight {
                    _ = try await fixture.wait(for: request.id, toReach: .started)
                }
                #expect(await fixture.dispatcher.activeCount == 2, "pair \(pair)")
                for request in inFlight {
                    #expect(await fixture.dispatcher.isActive(request.id), "pair \(pair)")
                }
                // Everything younger is still on disk, untouched; everything older is done.
                for request in requests[(2 * pair + 2)...] {
                    #expect(await !fixture.dispatcher.isActive(request.id), "pair \(pair)")
                }
                #expect(try await fixture.count(.accepted) == 20 - 2 * (pair + 1), "pair \(pair)")
                #expect(try await fixture.count(.delivered) == 2 * pair, "pair \(pair)")
                #expect(fixture.simulator.receivedContinueMessaging.count == 2 * (pair + 1), "pair \(pair)")

                // The simulator holds the P-GET and both invitations' outcome timers.
                await fixture.sleepers(on: fixture.simClock, atLeast: 3)
                fixture.clock.advance(by: .milliseconds(1))
                fixture.simClock.advance(by: .seconds(5))
                for request in inFlight {
                    #expect(try await fixture.outcome(request.id).state == .delivered, "pair \(pair)")
                }
                #expect(await fixture.dispatcher.activeCount <= 2, "pair \(pair)")
            }

            // Dispatch order: pair by pair in createdAt order, and the first attempts' startedAt follow createdAt.
            var final: [MessageRequest] = []
            for request in requests {
                final.append(try await fixture.stored(request.id))
            }
            #expect(final.allSatisfy { $0.state == .delivered && $0.attempts.count == 1 })
            let index = Dictionary(
                uniqueKeysWithValues: final.enumerated().compactMap { offset, request in
                    request.attempts.first.map { ($0.operationID.rawValue, offset) }
                }
            )
            let received = fixture.simulator.receivedContinueMessaging
            #expect(received.count == 20)
            let order = received.compactMap { $0.operationId.flatMap { index[$0] } }
            #expect(order.map { $0 / 2 } == (0..<20).map { $0 / 2 })
            let sortedByCreation = final.sorted { $0.createdAt < $1.createdAt }
            #expect(sortedByCreation.map(\.id) == requests.map(\.id))
            let startedAt = sortedByCreation.compactMap { $0.attempts.first?.startedAt }
            #expect(startedAt == startedAt.sorted())
        }
    }

    /// With room in the dispatcher and nothing older waiting, the enqueue that stores a request starts its run
    /// itself: the admission loop, asleep, is not woken to read it back. Without room it waits on disk for the loop.
    @Test(.timeLimit(.minutes(1))) func aNewRequestStartsFromItsEnqueueWhenNothingOlderWaits() async throws {
        try await withOneSlot { fixture, passes in
            let first = try await fixture.enqueue("first")
            #expect(await fixture.dispatcher.isActive(first.id))
            #expect(await fixture.queue.directAdmissions == 1)
            #expect(await fixture.queue.passes == passes)

            let second = try await fixture.enqueue("second")
            #expect(await !fixture.dispatcher.isActive(second.id))
            #expect(await fixture.queue.directAdmissions == 1)
            #expect(try await fixture.stored(second.id).state == .accepted)

            try await deliver(first.id, in: fixture)
            // The first run's end woke the loop, which admitted the second.
            try await deliver(second.id, in: fixture)
            #expect(await fixture.queue.directAdmissions == 1)
            #expect(fixture.simulator.receivedContinueMessaging.count == 2)
        }
    }

    @Test(.timeLimit(.minutes(1))) func aFinishedRunWakesTheLoopOnlyWhenARequestMayWaitForItsSlot() async throws {
        try await withOneSlot { fixture, passes in
            // Started from its enqueue; nothing waits behind it, so its end needs no pass.
            let first = try await fixture.enqueue("first")
            try await deliver(first.id, in: fixture)
            await fixture.queue.runEndsHandled(atLeast: 1)
            #expect(await fixture.queue.skippedPasses == 1)
            #expect(await fixture.queue.passes == passes)

            // The second fills the only slot and the third is left for the loop: the second's end must wake it.
            let second = try await fixture.enqueue("second")
            let third = try await fixture.enqueue("third")
            #expect(await fixture.queue.directAdmissions == 2)
            try await deliver(second.id, in: fixture)
            _ = try await fixture.wait(for: third.id, toReach: .started)
            await fixture.queue.runEndsHandled(atLeast: 2)
            #expect(await fixture.queue.skippedPasses == 1)
            #expect(await fixture.queue.passes > passes)
        }
    }

    /// One admission slot, invitations that complete 5 s after their POST on the simulator's clock, and the
    /// admission loop asleep after a first pass that found nothing due; `body` gets the passes made so far.
    private func withOneSlot(_ body: @escaping (QueueFixture, Int) async throws -> Void) async throws {
        try await QueueFixture.run(
            simulator: { $0.outcomeDelay = .seconds(5) },
            queue: QueueConfiguration(admissionLimit: 1)
        ) { fixture in
            // The loop's wait is the only sleeper on the queue's clock.
            await fixture.sleepers(on: fixture.clock, atLeast: 1)
            try await body(fixture, await fixture.queue.passes)
        }
    }

    /// Waits until the request has started, lets the simulator complete its invitation, and expects it delivered.
    private func deliver(_ id: RequestID, in fixture: QueueFixture) async throws {
        _ = try await fixture.wait(for: id, toReach: .started)
        // The simulator holds the P-GET and the invitation's outcome timer.
        await fixture.sleepers(on: fixture.simClock, atLeast: 2)
        fixture.simClock.advance(by: .seconds(5))
        #expect(try await fixture.outcome(id).state == .delivered)
    }

    /// Five thousand requests with nothing able to finish: four runs, the rest in the store.
    @Test(.timeLimit(.minutes(5))) func memoryDoesNotGrowWithTheQueue() async throws {
        try await QueueFixture.run(
            queue: QueueConfiguration(admissionLimit: 4),
            channel: .attachedNotStarted
        ) { fixture in
            var first: [MessageRequest] = []
            for index in 0..<5000 {
                let request = try await fixture.enqueue("bulk \(index)")
                if index < 4 {
                    first.append(request)
                }
                fixture.clock.advance(by: .milliseconds(1))
                if index % 250 == 0 {
                    #expect(await fixture.dispatcher.activeCount <= 4, "after \(index + 1) requests")
                    #expect(await fixture.dispatcher.allRequests.count <= 4, "after \(index + 1) requests")
                }
            }
            // The four admitted requests wait for a parked P-GET.
            await fixture.waitForCounters { $0.waitingForChannel == 4 }
            #expect(await fixture.dispatcher.activeCount == 4)
            #expect(await fixture.dispatcher.allRequests.count == 4)
            for request in first {
                #expect(await fixture.dispatcher.isActive(request.id))
            }
            #expect(try await fixture.count(.accepted) == 5000)
            #expect(try await fixture.storedCount() == 5000)
            let depth = try await fixture.queue.depth()
            #expect(depth.byState[.accepted] == 5000)
            #expect(depth.oldestQueuedAt == QueueFixture.base)
            #expect(fixture.simulator.receivedContinueMessaging.isEmpty)
        }
    }
}
