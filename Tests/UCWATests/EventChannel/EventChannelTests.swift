import Foundation
import Synchronization
import TestSupport
import Testing
import UCWA
import UCWASimulator

@Suite(.timeLimit(.minutes(1))) struct EventChannelTests {
    static let invitationSequence = [
        "started messagingInvitation", "added conversation", "updated messaging", "completed messagingInvitation",
        "updated messaging",
    ]

    @Test func eventsArriveInOrder() async throws {
        try await ClientFixture.run { fixture in
            var harness = try await ChannelHarness.start(fixture)
            #expect(harness.channel.isParked)
            try await harness.invite("op-1")
            let first = try await harness.events(until: "op-1")
            #expect(first.summary == Self.invitationSequence)
            try await harness.invite("op-2")
            let second = try await harness.events(until: "op-2")
            #expect(second.summary == Self.invitationSequence)
            #expect(second.about("op-1").isEmpty)
            #expect(harness.channel.lastEventResponseAt != nil)
            await harness.channel.stop()
            #expect(harness.channel.state == .stopped)
            let end = await harness.iterator.next()
            #expect(end == nil)
        }
    }

    @Test func emptyTimeoutResponsesContinue() async throws {
        try await ClientFixture.run { fixture in
            var harness = try await ChannelHarness.start(fixture)
            for _ in 0..<2 {
                fixture.simClock.advance(by: .seconds(180))
                let empty = try await harness.nextEvents()
                #expect(empty.events.isEmpty)
                #expect(empty.next != nil)
                await fixture.simClock.sleepers(atLeast: 1)
            }
            try await harness.invite("op-after-timeouts")
            #expect(try await harness.events(until: "op-after-timeouts").summary == Self.invitationSequence)
        }
    }

    @Test func pGetTimeoutAboveTheReadTimeoutIsReplacedByTheEventTimeout() async throws {
        try await ClientFixture.run({ $0.defaultEventTimeout = 1800 }) { fixture in
            // 1800 s is above the default long-poll read timeout (180 + 60 s): the channel sends 180 instead, so
            // the server releases the idle P-GET after 180 s rather than the client cutting it at 240 s.
            var harness = try await ChannelHarness.start(
                fixture,
                parameters: EventChannelParameters(timeout: 1800, backoff: Backoff())
            )
            fixture.simClock.advance(by: .seconds(180))
            let empty = try await harness.nextEvents()
            #expect(empty.events.isEmpty)
            #expect(fixture.logs.all.contains { $0.hasPrefix("warning") && $0.contains("long-poll read timeout") })
        }
    }

    @Test func resumeIsSignalledAndTheTimeoutIsSentAgain() async throws {
        try await ClientFixture.run({ $0.defaultEventTimeout = 1800 }) { fixture in
            var harness = try await ChannelHarness.start(fixture)
            fixture.simulator.resetTransientStateNow()
            guard case .resumed = try await harness.next() else {
                Issue.record("no resume signal")
                return
            }
            let resumed = try await harness.nextEvents()
            #expect(resumed.resume != nil)
            // The server forgot `timeout`; only if the channel sent it again is the next P-GET released after 180 s
            // rather than the default 1800 s.
            await fixture.simClock.sleepers(atLeast: 1)
            fixture.simClock.advance(by: .seconds(180))
            let empty = try await harness.nextEvents()
            #expect(empty.events.isEmpty)
        }
    }

    @Test func resyncIsSignalledAndFollowed() async throws {
        try await ClientFixture.run { fixture in
            var harness = try await ChannelHarness.start(
                fixture,
                from: { $0.replacingOccurrences(of: "ack=1", with: "ack=99") },
                waitForPark: false
            )
            guard case .resynced = try await harness.next() else {
                Issue.record("no resync signal")
                return
            }
            let resync = try await harness.nextEvents()
            #expect(resync.resync?.href.hasSuffix("ack=1") == true)
            await fixture.simClock.sleepers(atLeast: 1)
            try await harness.invite("op-after-resync")
            #expect(try await harness.events(until: "op-after-resync").summary == Self.invitationSequence)
        }
    }

    @Test func expiredApplicationIsCreatedAgainAndTheChannelContinues() async throws {
        try await ClientFixture.run { fixture in
            var harness = try await ChannelHarness.start(fixture)
            fixture.simulator.expireApplicationsNow()
            guard case .applicationRecreated(let context) = try await harness.next() else {
                Issue.record("no applicationRecreated signal")
                return
            }
            #expect(context.generation == 2)
            #expect(context.creation == .created)
            await fixture.simClock.sleepers(atLeast: 1)
            #expect(fixture.simulator.applications.first?.hasParkedPGet == true)
            let href = try await fixture.continueMessagingHref(harness.client)
            try await fixture.continueMessaging(harness.client, href: href, operationId: "op-new-app")
            #expect(try await harness.events(until: "op-new-app").summary == Self.invitationSequence)
        }
    }

    @Test func foreignPGetReplacedStopsTheChannelWithoutAFight() async throws {
        try await ClientFixture.run { fixture in
            var harness = try await ChannelHarness.start(fixture)
            // Another process on the same application (same endpointId: 200 reused) parks its own P-GET.
            let intruder = try fixture.client()
            let shared = try await intruder.openApplication()
            #expect(shared.creation == .reused)
            let foreign = Task { await intruder.get(shared.eventsHref) }
            let state = await harness.waitForState { $0.isTerminal }
            #expect(state == .foreignOwner)
            let end = await harness.iterator.next()
            #expect(end == nil)
            #expect(fixture.logs.all.contains { $0.hasPrefix("error") && $0.contains("another process") })
            // No fight: the intruder's P-GET is still the parked one.
            #expect(fixture.simulator.counters.pGetsReplaced == 1)
            #expect(fixture.simulator.applications.first?.hasParkedPGet == true)
            await #expect(throws: EventChannelError.self) { try await harness.channel.waitUntilParked() }
            foreign.cancel()
            _ = await foreign.value
        }
    }

    @Test(arguments: [SimulatedFault.connectionClosed, .serviceUnavailable, .callbackChannelError])
    func failedPGetBacksOffAndLosesNoEvents(fault: SimulatedFault) async throws {
        try await ClientFixture.run { fixture in
            var harness = try await ChannelHarness.start(fixture)
            // The P-GET that follows the next response fails; the invitation's outcome is queued meanwhile.
            fixture.simulator.injectFault(fault, at: .events)
            try await harness.invite("op-outage")
            let started = try await harness.nextEvents()
            #expect(started.events.summary == Array(Self.invitationSequence.prefix(3)))
            await fixture.clientClock.sleepers(atLeast: 1)
            guard case .backingOff(_, let attempt) = harness.channel.state else {
                Issue.record("not backing off: \(harness.channel.state)")
                return
            }
            #expect(attempt == 1)
            #expect(!harness.channel.isParked)
            fixture.clientClock.advance(by: .seconds(30))
            let rest = try await harness.events(until: "op-outage")
            #expect(rest.summary == Array(Self.invitationSequence.suffix(2)))
            try await harness.channel.waitUntilParked()
        }
    }

    struct StoreFailure: Error {}

    @Test func failedPersistIsRetriedBeforeTheBatchIsAcknowledged() async throws {
        try await ClientFixture.run { fixture in
            let stored = Mutex<[EventsResponse]>([])
            let persist: EventChannel.Persist = { response in
                let calls = stored.withLock { calls in
                    calls.append(response)
                    return calls.count
                }
                if calls == 1 { throw StoreFailure() }
            }
            var harness = try await ChannelHarness.start(fixture, persist: persist)
            try await harness.invite("op-persist")
            // The first batch arrived, storing it failed: the channel backs off on the client clock and sends no
            // P-GET meanwhile, since that would acknowledge the unstored batch.
            await fixture.clientClock.sleepers(atLeast: 1)
            #expect(fixture.simulator.applications.first?.hasParkedPGet == false)
            guard case .backingOff(_, let attempt) = harness.channel.state else {
                Issue.record("not backing off: \(harness.channel.state)")
                return
            }
            #expect(attempt == 1)
            #expect(fixture.logs.all.contains { $0.hasPrefix("error") && $0.contains("could not be stored") })
            fixture.clientClock.advance(by: .seconds(30))
            // The batch was delivered when it arrived; it is stored again, then acknowledged; nothing is lost.
            let events = try await harness.events(until: "op-persist")
            #expect(events.summary == Self.invitationSequence)
            let calls = stored.withLock { $0 }
            #expect(calls.count >= 3)
            #expect(calls.count >= 2 && calls[0] == calls[1])
            try await harness.channel.waitUntilParked()
        }
    }

    @Test func stopEndsPersistRetriesWithoutAcknowledging() async throws {
        try await ClientFixture.run { fixture in
            let persist: EventChannel.Persist = { _ in throw StoreFailure() }
            var harness = try await ChannelHarness.start(fixture, persist: persist)
            try await harness.invite("op-unstored")
            await fixture.clientClock.sleepers(atLeast: 1)
            await harness.channel.stop()
            #expect(harness.channel.state == .stopped)
            #expect(fixture.simulator.applications.first?.hasParkedPGet == false)
            // The batch was delivered once, before the failed store, and never acknowledged: no P-GET followed it,
            // so the server serves it again to the next run.
            var delivered: [EventChannelElement] = []
            while let element = await harness.iterator.next() {
                delivered.append(element)
            }
            #expect(delivered.count == 1)
            guard case .events(let batch) = delivered.first else {
                Issue.record("not an event batch: \(delivered)")
                return
            }
            #expect(!batch.events.isEmpty)
        }
    }
}
