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
}
