import Foundation
import Testing

@testable import Bridge

/// Cancelling a request the dispatcher runs, while nothing of it is in flight.
@Suite(.timeLimit(.minutes(1))) struct DispatchCancelTests {
    /// The event channel ended and no new one is attached: the request's run waits for one, and its cancel must not
    /// wait with it (before, it lasted until a channel came back or the daemon stopped).
    @Test func aRequestWaitingForAnEndedChannelIsCancelledAtOnce() async throws {
        try await DispatchFixture.run { fixture in
            await fixture.channel.stop()
            let counters = await fixture.dispatcher.counterUpdates()
            let submitted = try await fixture.submit(fixture.request())
            for await counter in counters where counter.waitingForChannel == 1 {
                break
            }

            let cancellation = await fixture.dispatcher.cancel(submitted.id)
            guard case .cancelled(let cancelled) = cancellation else {
                Issue.record("expected the request to be cancelled, got \(cancellation)")
                return
            }
            #expect(cancelled.state == .cancelled)
            #expect(cancelled.attempts.isEmpty)
            #expect(await fixture.dispatcher.counters.waitingForChannel == 0)
            #expect(fixture.simulator.receivedContinueMessaging.isEmpty)
            #expect(await fixture.journal.states(of: submitted.id) == [.accepted, .cancelled])
        }
    }

    /// A cancellation the journal does not store is not one: the caller hears so, and the request goes on as the
    /// journal holds it (before, the caller heard "cancelled" while the stored row stayed queued and was sent later).
    @Test func aCancellationTheJournalDoesNotStoreIsReportedAndTheRequestGoesOn() async throws {
        try await DispatchFixture.run { fixture in
            fixture.simulator.injectFault(.callbackChannelError, at: .continueMessaging, count: 1)
            let submitted = try await fixture.submit(fixture.request())
            // Its run waits for the retry after the refused first attempt.
            await fixture.dispatchClock.sleepers(atLeast: 1)
            await fixture.journal.failNextRecords(1, in: .cancelled)

            let cancellation = await fixture.dispatcher.cancel(submitted.id)
            guard case .notStored(let request) = cancellation else {
                Issue.record("expected the cancellation to be reported as not stored, got \(cancellation)")
                return
            }
            #expect(request.state == .retryScheduled)
            #expect(await fixture.dispatcher.counters.journalFailures == 1)
            #expect(fixture.logs.all.contains { $0.contains("the journal did not store a state change") })

            await fixture.dispatchClock.sleepers(atLeast: 1)
            fixture.dispatchClock.advance(by: .seconds(1))
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .delivered)
            #expect(fixture.simulator.receivedContinueMessaging.map(\.httpStatus) == [500, 201])
            // `started` is not stored when `completed` follows in the same batch of events.
            #expect(
                await fixture.journal.states(of: submitted.id).filter { $0 != .started } == [
                    .accepted, .dispatching, .retryScheduled, .dispatching, .awaitingEvents, .delivered,
                ]
            )
        }
    }
}
