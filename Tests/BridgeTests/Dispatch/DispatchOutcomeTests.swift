import Foundation
import TestSupport
import Testing
import UCWA
import UCWASimulator

@testable import Bridge

/// The outcome of one request comes from its events: delivered on Success, failed with the reason on Failure.
@Suite(.timeLimit(.minutes(1))) struct DispatchOutcomeTests {
    @Test func deliveredWithOnePostAndTheTextRoundTrips() async throws {
        try await DispatchFixture.run { fixture in
            let clientID = try OperationID(validating: "client-chosen-1")
            let submitted = try await fixture.submit(fixture.request("Grüße ✓ <b>&", operationID: clientID))
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .delivered)
            #expect(done.attempts.map(\.operationID) == [clientID])
            #expect(done.attempts.first?.httpStatus == 201)
            #expect(done.invitation?.contains("/messagingInvitations/") == true)
            let received = fixture.simulator.receivedContinueMessaging
            #expect(received.count == 1)
            #expect(received.first?.operationId == "client-chosen-1")
            #expect(received.first?.messageText == "Grüße ✓ <b>&")
            #expect(received.first?.contentType?.hasPrefix("application/json") == true)
            let states = await fixture.journal.states(of: submitted.id)
            #expect(states == [.accepted, .dispatching, .awaitingEvents, .started, .delivered])
            #expect(fixture.logs.all.contains { $0.hasPrefix("info request delivered") && $0.contains("request-id") })
        }
    }

    /// The record of the 201 failed: the answer is not kept in memory either, so the `started` that follows is
    /// committed with a sync (nothing on disk proves the 201; a power loss must not leave the row `dispatching` with
    /// its only proof unsynced), and the request is still delivered.
    @Test func anUnstored201LeavesTheNextStepSynced() async throws {
        try await DispatchFixture.run { fixture in
            await fixture.journal.failNextRecords(1, in: .awaitingEvents)
            // `completed` only once `started` is stored: in one batch of events, `started` is not stored at all.
            fixture.simulator.setOutcomeDelay(.seconds(5))
            let submitted = try await fixture.submit(fixture.request())
            #expect(await fixture.wait(for: submitted.id, toReach: .started)?.state == .started)
            // The parked P-GET and the outcome's delay.
            await fixture.simClock.sleepers(atLeast: 2)
            fixture.simClock.advance(by: .seconds(5))
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .delivered)
            let history = await fixture.journal.history(of: submitted.id)
            #expect(history.map(\.state) == [.accepted, .dispatching, .started, .delivered])
            let started = try #require(history.first { $0.state == .started })
            #expect(CommitDurability.recording(started) == .synced)
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)
        }
    }

    @Test func eventsBeforeThe201AreKept() async throws {
        try await DispatchFixture.run { fixture in
            fixture.simulator.setInvitationEventOrder(.beforeResponse)
            let submitted = try await fixture.submit(fixture.request())
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .delivered)
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)
        }
    }

    /// A `completed` read before the 201: the answer and the outcome are stored in one commit, with no
    /// `awaitingEvents` (or `started`) of their own.
    @Test func aCompletedBeforeThe201IsStoredWithTheAnswer() async throws {
        try await DispatchFixture.run { fixture in
            fixture.simulator.setInvitationEventOrder(.beforeResponse)
            fixture.simulator.setCompletedOnly(true)
            let dispatcher = fixture.dispatcher
            fixture.connection.holdAnswers {
                for await counters in await dispatcher.counterUpdates() where counters.eventsRouted >= 1 {
                    return
                }
            }
            let submitted = try await fixture.submit(fixture.request())
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .delivered)
            #expect(await fixture.journal.states(of: submitted.id) == [.accepted, .dispatching, .delivered])
            #expect(done.attempts.map(\.httpStatus) == [201])
            #expect(done.invitation != nil)
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)
        }
    }

    @Test func completedWithoutStartedDelivers() async throws {
        try await DispatchFixture.run { fixture in
            fixture.simulator.setCompletedOnly(true)
            let submitted = try await fixture.submit(fixture.request())
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .delivered)
            let states = await fixture.journal.states(of: submitted.id)
            #expect(!states.contains(.started))
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)
        }
    }

    @Test func completedFailureEndsFailedWithTheReason() async throws {
        try await DispatchFixture.run { fixture in
            fixture.simulator.enqueueInvitationOutcomes([.declined])
            let submitted = try await fixture.submit(fixture.request())
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .failed)
            #expect(done.failure?.code == "RemoteFailure")
            #expect(done.failure?.subcode == "Declined")
            #expect(done.attempts.last?.code == "RemoteFailure")
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)
            #expect(
                fixture.logs.all.contains {
                    $0.hasPrefix("info request failed") && $0.contains("ucwa-subcode") && $0.contains("Declined")
                }
            )
        }
    }

    @Test func xmlBodyWhenConfigured() async throws {
        try await DispatchFixture.run(dispatch: { $0.bodyFormat = .xml }) { fixture in
            let submitted = try await fixture.submit(fixture.request("in XML: <&>"))
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .delivered)
            let received = try #require(fixture.simulator.receivedContinueMessaging.first)
            #expect(received.contentType?.hasPrefix("application/xml") == true)
            #expect(received.messageText == "in XML: <&>")
        }
    }

    @Test func hrefsOutsideTheApplicationAreRefused() async throws {
        try await DispatchFixture.run { fixture in
            for href in [
                "https://evil.example.com/ucwa/oauth/v1/applications/1/communication/conversationLogs/x",
                "/somewhere/else", "/ucwa/oauth/v1/applications",
            ] {
                await #expect(throws: SubmissionError.self) {
                    try await fixture.submit(fixture.request(log: href))
                }
            }
            #expect(fixture.simulator.receivedContinueMessaging.isEmpty)
        }
    }

    @Test func noCompletedAfterThe201EndsOutcomeUnknownWithoutResending() async throws {
        try await DispatchFixture.run(dispatch: { $0.concurrency = 2 }) { fixture in
            fixture.simulator.setDefaultInvitationOutcome(.neverCompletes)
            var ids: [RequestID] = []
            for index in 0..<4 {
                ids.append(try await fixture.submit(fixture.request("message \(index)")).id)
            }
            // Two in flight (started, waiting for `completed`), two waiting for a slot.
            for id in ids.prefix(2) {
                #expect(await fixture.wait(for: id, toReach: .started)?.state == .started)
            }
            #expect(fixture.simulator.receivedContinueMessaging.count == 2)
            for id in ids.suffix(2) {
                #expect(await fixture.dispatcher.request(id)?.state == .accepted)
            }
            try await fixture.outcomeTimers(atLeast: 2)
            fixture.dispatchClock.advance(by: .seconds(60))
            for id in ids.prefix(2) {
                let done = try await fixture.outcome(id)
                #expect(done.state == .failed)
                #expect(done.failure?.code == RequestFailure.outcomeUnknown)
                #expect(done.failure?.message.contains("Connecting") == true)
            }
            // The slots went to the next two, oldest first; nothing was sent twice.
            for id in ids.suffix(2) {
                #expect(await fixture.wait(for: id, toReach: .started)?.state == .started)
            }
            // (The two freed slots are taken at the same moment, so the last two POSTs may arrive in either order.)
            let texts = fixture.simulator.receivedContinueMessaging.compactMap(\.messageText)
            #expect(Set(texts.prefix(2)) == ["message 0", "message 1"])
            #expect(Set(texts.suffix(2)) == ["message 2", "message 3"])
            #expect(await fixture.dispatcher.counters.ambiguousResends == 0)
        }
    }
}
