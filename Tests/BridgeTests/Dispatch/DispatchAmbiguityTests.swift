import Foundation
import TestSupport
import Testing
import UCWA
import UCWASimulator

@testable import Bridge

/// Unknown outcomes: a request the server did receive is never sent again; one it did not is, after the grace
/// window, with a new operationId.
@Suite(.timeLimit(.minutes(1))) struct DispatchAmbiguityTests {
    @Test func acceptedThenClosedIsDeliveredWithoutAResend() async throws {
        try await DispatchFixture.run { fixture in
            fixture.simulator.injectFault(.acceptThenClose, at: .continueMessaging)
            let submitted = try await fixture.submit(fixture.request())
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .delivered)
            #expect(done.attempts.count == 1)
            let received = fixture.simulator.receivedContinueMessaging
            #expect(received.count == 1)
            #expect(received.first?.connectionClosed == true)
            let counters = await fixture.dispatcher.counters
            #expect(counters.ambiguousAttempts == 1)
            #expect(counters.ambiguousResends == 0)
        }
    }

    @Test func closedWithoutEffectIsSentAgainAfterTheGraceWindow() async throws {
        try await DispatchFixture.run { fixture in
            fixture.simulator.injectFault(.connectionClosed, at: .continueMessaging)
            let submitted = try await fixture.submit(fixture.request())
            await fixture.dispatchClock.sleepers(atLeast: 1)
            #expect(await fixture.dispatcher.request(submitted.id)?.state == .dispatching)
            fixture.dispatchClock.advance(by: .seconds(44))
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)
            fixture.dispatchClock.advance(by: .seconds(1))
            await fixture.dispatchClock.sleepers(atLeast: 1)
            let scheduled = await fixture.dispatcher.request(submitted.id)
            #expect(scheduled?.state == .retryScheduled)
            fixture.dispatchClock.advance(by: .seconds(1))
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .delivered)
            let received = fixture.simulator.receivedContinueMessaging
            #expect(received.count == 2)
            #expect(received.map(\.httpStatus) == [nil, 201])
            #expect(Set(received.compactMap(\.operationId)).count == 2)
            #expect(await fixture.dispatcher.counters.ambiguousResends == 1)
            #expect(fixture.logs.all.contains { $0.hasPrefix("warning") && $0.contains("sending it again") })
        }
    }

    @Test func expiredTokenIsRenewedTransparently() async throws {
        try await DispatchFixture.run { fixture in
            fixture.simulator.expireTokensNow()
            let submitted = try await fixture.submit(fixture.request())
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .delivered)
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)
            #expect(fixture.simulator.counters.tokensIssued == 2)
        }
    }

    /// Puts one request in `started` with an invitation that never completes.
    private func startedRequest(_ fixture: DispatchFixture) async throws -> MessageRequest {
        fixture.simulator.enqueueInvitationOutcomes([.neverCompletes])
        let submitted = try await fixture.submit(fixture.request())
        let started = await fixture.wait(for: submitted.id, toReach: .started)
        #expect(started?.state == .started)
        return submitted
    }

    /// After a channel reset: the grace window passes, the request is sent again (new operationId) and delivered.
    private func resendAfterReset(_ fixture: DispatchFixture, _ submitted: MessageRequest) async throws
        -> MessageRequest
    {
        _ = await fixture.waitForCounters { $0.ambiguousAttempts >= 1 }
        fixture.dispatchClock.advance(by: .seconds(45))
        await fixture.dispatchClock.sleepers(atLeast: 1)
        #expect(await fixture.dispatcher.request(submitted.id)?.state == .retryScheduled)
        // The channel has its new P-GET held by the simulator before the attempt goes out.
        await fixture.simClock.sleepers(atLeast: 1)
        fixture.dispatchClock.advance(by: .seconds(1))
        let done = try await fixture.outcome(submitted.id)
        #expect(done.state == .delivered)
        #expect(done.attempts.count == 2)
        #expect(await fixture.dispatcher.counters.ambiguousResends == 1)
        return done
    }

    @Test func resumeMakesWaitingRequestsAmbiguousAndResendsThem() async throws {
        try await DispatchFixture.run { fixture in
            let submitted = try await startedRequest(fixture)
            fixture.simulator.resetTransientStateNow()
            let done = try await resendAfterReset(fixture, submitted)
            let received = fixture.simulator.receivedContinueMessaging
            #expect(received.count == 2)
            #expect(Set(received.compactMap(\.operationId)).count == 2)
            #expect(await fixture.dispatcher.counters.channelResets == 1)
            #expect(done.attempts.map(\.httpStatus) == [201, 201])
        }
    }

    @Test func recreatedApplicationResendsOnTheNewApplication() async throws {
        try await DispatchFixture.run { fixture in
            let submitted = try await startedRequest(fixture)
            fixture.simulator.expireApplicationsNow()
            _ = try await resendAfterReset(fixture, submitted)
            let received = fixture.simulator.receivedContinueMessaging
            #expect(received.count == 2)
            #expect(received[0].application != received[1].application)
            #expect(Set(received.compactMap(\.operationId)).count == 2)
        }
    }

    @Test func applicationNotFoundOnThePostRecreatesAndRetries() async throws {
        try await DispatchFixture.run { fixture in
            fixture.simulator.injectFault(.applicationNotFound, at: .continueMessaging)
            let submitted = try await fixture.submit(fixture.request())
            await fixture.dispatchClock.sleepers(atLeast: 1)
            #expect(await fixture.dispatcher.request(submitted.id)?.state == .retryScheduled)
            fixture.dispatchClock.advance(by: .seconds(1))
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .delivered)
            #expect(fixture.simulator.receivedContinueMessaging.map(\.httpStatus) == [404, 201])
        }
    }

    @Test func droppedEventConnectionLosesNothing() async throws {
        try await DispatchFixture.run { fixture in
            fixture.simulator.setOutcomeDelay(.seconds(5))
            // The P-GET after the one that carries `started` is closed without an answer.
            fixture.simulator.injectFault(.connectionClosed, at: .events)
            let submitted = try await fixture.submit(fixture.request())
            #expect(await fixture.wait(for: submitted.id, toReach: .started)?.state == .started)
            await fixture.clientClock.sleepers(atLeast: 1)
            await fixture.simClock.sleepers(atLeast: 1)
            fixture.simClock.advance(by: .seconds(5))
            fixture.clientClock.advance(by: .seconds(30))
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .delivered)
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)
            #expect(await fixture.dispatcher.counters.ambiguousAttempts == 0)
        }
    }

    @Test func foreignOwnerKeepsRequestsQueuedUntilANewChannel() async throws {
        try await DispatchFixture.run { fixture in
            let first = try await startedRequest(fixture)
            // Another process on the same application parks its own P-GET: ours is answered 409 PGetReplaced.
            let intruder = try UCWAClient(
                configuration: fixture.client.configuration,
                clock: fixture.clientClock,
                logger: fixture.logs.logger(label: "bridge-tests", level: .debug)
            )
            let shared = try await intruder.openApplication()
            let foreign = Task { await intruder.get(shared.eventsHref) }
            _ = await fixture.waitForCounters { $0.ambiguousAttempts >= 1 }
            #expect(fixture.channel.state == .foreignOwner)
            #expect(await fixture.dispatcher.hasWorkingChannel == false)
            let second = try await fixture.submit(fixture.request("queued while the channel is foreign"))
            _ = await fixture.waitForCounters { $0.waitingForChannel >= 1 }
            #expect(await fixture.dispatcher.request(second.id)?.state == .accepted)
            // The first request's grace window passes: it is scheduled again, and waits for a channel too.
            fixture.dispatchClock.advance(by: .seconds(45))
            await fixture.dispatchClock.sleepers(atLeast: 1)
            #expect(await fixture.dispatcher.request(first.id)?.state == .retryScheduled)
            fixture.dispatchClock.advance(by: .seconds(1))
            _ = await fixture.waitForCounters { $0.waitingForChannel >= 2 }
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)
            // The other process goes away; the daemon attaches a new channel and the queue drains.
            foreign.cancel()
            _ = await foreign.value
            await intruder.shutdown()
            let replacement = EventChannel(
                client: fixture.client,
                logger: fixture.logs.logger(label: "bridge-tests", level: .debug)
            )
            await fixture.dispatcher.attach(replacement)
            replacement.start()
            let doneFirst = try await fixture.outcome(first.id)
            let doneSecond = try await fixture.outcome(second.id)
            #expect(doneFirst.state == .delivered)
            #expect(doneSecond.state == .delivered)
            #expect(doneFirst.attempts.count == 2)
            #expect(doneSecond.attempts.count == 1)
            #expect(fixture.simulator.receivedContinueMessaging.count == 3)
            await replacement.stop()
        }
    }
}
