import Foundation
import TestSupport
import Testing
import UCWA
import UCWASimulator

@testable import Bridge

/// A restart on the same store: requests in flight at the crash are restored, not lost and not sent twice where the
/// bridge can know better.
@Suite(.timeLimit(.minutes(1))) struct MessageQueueRestartTests {
    /// `started` at the crash, `completed` while nothing runs: the reused application's channel, resumed from the
    /// stored events href, re-serves the unacknowledged batch, and the request is delivered without a re-send.
    @Test func aRequestStartedAtACrashIsDeliveredAfterTheRestartWithoutASecondPost() async throws {
        try await QueueFixture.run(simulator: { $0.outcomeDelay = .seconds(10) }) { fixture in
            let created = try await fixture.enqueue("survives a crash")
            _ = try await fixture.wait(for: created.id, toReach: .started)
            // The simulator holds the next P-GET (which acknowledges the `started` batch) and the outcome timer.
            await fixture.sleepers(on: fixture.simClock, atLeast: 2)
            let eventsHref = try #require(try await fixture.store.eventsHref())

            await fixture.stack.stop()
            #expect(fixture.clock.sleeperCount == 0)
            let atCrash = try await fixture.stored(created.id)
            #expect(atCrash.state == .started)
            #expect(atCrash.attempts.count == 1)
            #expect(atCrash.invitation != nil)

            // The invitation completes while no channel runs: the server keeps the batch until it is acknowledged.
            fixture.simClock.advance(by: .seconds(10))

            let restarted = fixture.makeStack()
            await restarted.dispatcher.attach(restarted.channel)
            restarted.startQueue(applicationReused: true)
            // Restored: its outcome timer and the queue's idle timer sleep on the clock.
            await fixture.sleepers(on: fixture.clock, atLeast: 2)
            #expect(await restarted.dispatcher.isActive(created.id))
            #expect(await restarted.dispatcher.activeCount == 1)
            restarted.channel.start(from: eventsHref)

            let done = try await fixture.outcome(created.id)
            #expect(done.state == .delivered)
            #expect(done.attempts.count == 1)
            #expect(done.attempts.first?.operationID == atCrash.attempts.first?.operationID)
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)
            let counters = await restarted.dispatcher.counters
            #expect(counters.ambiguousAttempts == 0)
            #expect(counters.ambiguousResends == 0)
            #expect(counters.outcomeChecks == 0)
            #expect(fixture.simulator.counters.applicationsCreated == 1)
            #expect(try await fixture.store.eventsHref() != eventsHref)
        }
    }

    /// `awaitingEvents` at the crash (the 201 came, no event yet): the same, with every event re-served.
    @Test func aRequestAwaitingEventsAtACrashIsDeliveredAfterTheRestartWithoutASecondPost() async throws {
        try await QueueFixture.run { fixture in
            fixture.simulator.setEventDelay(.seconds(10))
            let created = try await fixture.enqueue("201 but no events yet")
            _ = try await fixture.wait(for: created.id, toReach: .awaitingEvents)
            // The P-GET and the invitation's event timer.
            await fixture.sleepers(on: fixture.simClock, atLeast: 2)
            // No batch was received yet: the channel resumes from the application's events link.
            let eventsHref = try await fixture.store.eventsHref()
            #expect(eventsHref == nil)
            await fixture.stack.stop()
            #expect(try await fixture.stored(created.id).state == .awaitingEvents)
            fixture.simClock.advance(by: .seconds(10))

            let restarted = fixture.makeStack()
            await restarted.dispatcher.attach(restarted.channel)
            restarted.startQueue(applicationReused: true)
            await fixture.sleepers(on: fixture.clock, atLeast: 2)
            restarted.channel.start(from: eventsHref)
            let done = try await fixture.outcome(created.id)
            #expect(done.state == .delivered)
            #expect(done.attempts.count == 1)
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)
            #expect(await restarted.dispatcher.counters.ambiguousResends == 0)
        }
    }

    /// A row left `dispatching` whose POST never went out: after the grace window without events it is sent again
    /// with a new operationId, and the simulator sees one POST.
    @Test func aRowLeftDispatchingIsSentAgainAfterTheGraceWindow() async throws {
        try await QueueFixture.run(dispatch: { $0.ambiguityGrace = .seconds(45) }, startsQueue: false) { fixture in
            let request = try await fixture.storeDispatching("maybe sent")
            let lost = try #require(request.operationID)

            fixture.startQueue(applicationReused: true)
            // Restored: the grace timer and the queue's idle timer.
            await fixture.sleepers(on: fixture.clock, atLeast: 2)
            #expect(await fixture.dispatcher.isActive(request.id))
            #expect(await fixture.dispatcher.counters.ambiguousAttempts == 1)
            fixture.clock.advance(by: .seconds(44))
            #expect(try await fixture.stored(request.id).state == .dispatching)
            fixture.clock.advance(by: .seconds(1))

            let scheduled = try await fixture.wait(for: request.id, toReach: .retryScheduled)
            #expect(scheduled.attempts.count == 1)
            #expect(scheduled.attempts.first?.code == RequestFailure.noEvents)
            #expect(scheduled.nextAttemptAt == QueueFixture.base.addingTimeInterval(46))
            #expect(fixture.simulator.receivedContinueMessaging.isEmpty)
            fixture.clock.advance(by: .seconds(1))

            let done = try await fixture.outcome(request.id)
            #expect(done.state == .delivered)
            #expect(done.attempts.count == 2)
            let resent = try #require(done.attempts.last?.operationID)
            #expect(resent != lost)
            #expect(fixture.simulator.receivedContinueMessaging.map(\.operationId) == [resent.rawValue])
            #expect(await fixture.dispatcher.counters.ambiguousResends == 1)
        }
    }

    /// A crash between the commit of an event batch (which the next P-GET acknowledged) and the request's own commit
    /// of the `completed` it carried: the batch's record ends the request at the restart, without a grace window and
    /// without a second POST, although the server will not serve that event again.
    @Test func aCompletedRecordedWithItsBatchEndsTheRequestAfterTheRestart() async throws {
        try await QueueFixture.run(startsQueue: false) { fixture in
            let request = try await fixture.storeDispatching("sent before the crash")
            let operationID = try #require(request.operationID)
            try await recordBatch(of: request, .completed(.succeeded), in: fixture)

            fixture.startQueue(applicationReused: true)
            let done = try await fixture.outcome(request.id)
            #expect(done.state == .delivered)
            #expect(done.attempts.map(\.operationID) == [operationID])
            #expect(fixture.simulator.receivedContinueMessaging.isEmpty)
            let counters = await fixture.dispatcher.counters
            #expect(counters.ambiguousResends == 0)
            #expect(counters.outcomeChecks == 0)
        }
    }

    /// A `started` recorded with its batch is the proof that the server has a message whose POST got no answer, as a
    /// stored 201 would be: on the reused application the row left `dispatching` is not sent again after the grace
    /// window; it is stored `started`, and the outcome time-out ends it when no `completed` comes.
    @Test func aStartedRecordedWithItsBatchKeepsARowLeftDispatchingFromBeingSentAgain() async throws {
        try await QueueFixture.run(dispatch: { $0.ambiguityGrace = .seconds(45) }, startsQueue: false) { fixture in
            let request = try await fixture.storeDispatching("its POST got no answer")
            try await recordBatch(of: request, .started(invitation: nil), in: fixture)

            fixture.startQueue(applicationReused: true)
            #expect(try await fixture.wait(for: request.id, toReach: .started).attempts.count == 1)
            // The outcome timer and the queue's idle timer.
            await fixture.sleepers(on: fixture.clock, atLeast: 2)
            fixture.clock.advance(by: .seconds(45))
            #expect(try await fixture.stored(request.id).state == .started)
            let outcomeTimeout = await fixture.dispatcher.configuration.outcomeTimeout
            fixture.clock.advance(by: outcomeTimeout)

            let done = try await fixture.outcome(request.id)
            #expect(done.state == .failed)
            #expect(done.failure?.code == RequestFailure.outcomeUnknown)
            #expect(done.attempts.count == 1)
            #expect(fixture.simulator.receivedContinueMessaging.isEmpty)
            let counters = await fixture.dispatcher.counters
            #expect(counters.ambiguousAttempts == 0)
            #expect(counters.ambiguousResends == 0)
            #expect(counters.outcomeChecks == 1)
        }
    }

    /// On a new application a recorded `started` counts as a stored 201 does (DESIGN: a new application knows nothing
    /// of the requests in flight): the row is ambiguous and sent again after the grace window. A recorded `completed`
    /// still ends its request, whatever the application.
    @Test func onANewApplicationOnlyARecordedEndSettlesARequest() async throws {
        try await QueueFixture.run(dispatch: { $0.ambiguityGrace = .seconds(45) }, startsQueue: false) { fixture in
            let started = try await fixture.storeDispatching("started, then the application went")
            try await recordBatch(of: started, .started(invitation: nil), in: fixture)
            let completed = try await fixture.storeDispatching("completed, then the application went")
            try await recordBatch(of: completed, .completed(.succeeded), in: fixture)

            fixture.startQueue(applicationReused: false)
            #expect(try await fixture.outcome(completed.id).state == .delivered)
            await fixture.sleepers(on: fixture.clock, atLeast: 2)
            #expect(await fixture.dispatcher.counters.ambiguousAttempts == 1)
            fixture.clock.advance(by: .seconds(45))
            _ = try await fixture.wait(for: started.id, toReach: .retryScheduled)
            fixture.clock.advance(by: .seconds(1))
            let done = try await fixture.outcome(started.id)
            #expect(done.state == .delivered)
            #expect(done.attempts.count == 2)
            #expect(fixture.simulator.receivedContinueMessaging.map(\.messageText) == [started.message])
        }
    }

    /// A record names the operation it is of: one left from an earlier attempt of the request does nothing.
    @Test func aRecordOfAnEarlierAttemptIsIgnored() async throws {
        try await QueueFixture.run(dispatch: { $0.ambiguityGrace = .seconds(45) }, startsQueue: false) { fixture in
            var request = try await fixture.storeDispatching("sent again since")
            try await recordBatch(of: request, .started(invitation: nil), in: fixture)
            request = try StoreSamples.retryScheduled(request, at: fixture.now, next: fixture.now)
            try await fixture.store.record(request)
            request = try StoreSamples.dispatched(request, at: fixture.now)
            try await fixture.store.record(request)

            fixture.startQueue(applicationReused: true)
            await fixture.sleepers(on: fixture.clock, atLeast: 2)
            #expect(await fixture.dispatcher.counters.ambiguousAttempts == 1)
            #expect(try await fixture.stored(request.id).state == .dispatching)
        }
    }

    private func recordBatch(
        of request: MessageRequest,
        _ progress: OperationProgress,
        in fixture: QueueFixture
    ) async throws {
        let operationID = try #require(request.operationID)
        let record = try #require(RecordedProgress(OperationUpdate(operationID: operationID, progress: progress)))
        try await fixture.store.recordEventBatch(
            nextHref: "/ucwa/oauth/v1/applications/1/events?ack=9",
            progress: [record]
        )
    }

    /// Rows waiting for an attempt at the crash are simply admitted again; rows finished stay as they are.
    @Test func waitingRowsAreAdmittedAfterARestart() async throws {
        try await QueueFixture.run(queue: QueueConfiguration(admissionLimit: 1), channel: .attachedNotStarted) {
            fixture in
            let first = try await fixture.enqueue("first")
            fixture.clock.advance(by: .milliseconds(1))
            let second = try await fixture.enqueue("second")
            await fixture.waitForCounters { $0.waitingForChannel == 1 }
            await fixture.stack.stop()
            #expect(try await fixture.count(.accepted) == 2)

            let restarted = fixture.makeStack()
            try await fixture.startChannel()
            restarted.startQueue(applicationReused: true)
            #expect(try await fixture.outcome(first.id).state == .delivered)
            #expect(try await fixture.outcome(second.id).state == .delivered)
            #expect(fixture.simulator.receivedContinueMessaging.map(\.messageText) == ["first", "second"])
        }
    }
}
