import Foundation
import Testing

@testable import Bridge

/// Which commits may skip the sync: only a `started` whose attempt's 201 is already stored.
struct CommitDurabilityTests {
    private let time = StoreSamples.epoch.addingTimeInterval(1)

    @Test func startedAfterThe201IsDeferred() throws {
        var request = try StoreSamples.dispatched(StoreSamples.request(), at: time)
        request.attempts[0].httpStatus = 201
        request = try StoreSamples.moved(request, to: .awaitingEvents, at: time)
        #expect(CommitDurability.recording(request) == .synced)
        request = try StoreSamples.moved(request, to: .started, at: time)
        #expect(CommitDurability.recording(request) == .deferred)
    }

    /// An ambiguous POST (no answer), or a row restored in `dispatching`: the `started` event is the only proof that
    /// the server has the message, so losing it to a power loss could send the message twice.
    @Test func startedWithoutAnAnswerIsSynced() throws {
        let dispatched = try StoreSamples.dispatched(StoreSamples.request(), at: time)
        let started = try StoreSamples.moved(dispatched, to: .started, at: time)
        #expect(started.currentAttempt?.httpStatus == nil)
        #expect(CommitDurability.recording(started) == .synced)
    }

    @Test func everyOtherStateIsSynced() throws {
        let accepted = StoreSamples.request()
        #expect(CommitDurability.recording(accepted) == .synced)
        var answered = try StoreSamples.dispatched(accepted, at: time)
        #expect(CommitDurability.recording(answered) == .synced)
        answered.attempts[0].httpStatus = 201
        for state in RequestState.allCases where state != .started && answered.state.allows(state) {
            let moved = try StoreSamples.moved(answered, to: state, at: time)
            #expect(CommitDurability.recording(moved) == .synced, "\(state)")
        }
        let cancelled = try StoreSamples.moved(accepted, to: .cancelled, at: time)
        #expect(CommitDurability.recording(cancelled) == .synced)
    }
}
