import Foundation
import Testing

@testable import Bridge

/// When a new request may start from its enqueue: only after a pass admitted every due request it read, while no
/// pass runs, no request waits for the loop, and no scheduled retry is due.
struct AdmissionGateTests {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    private func afterCleanPass(nextRetryAt: Date? = nil) -> AdmissionGate {
        var gate = AdmissionGate()
        gate.passBegins()
        gate.passAdmitted(leftWaiting: false, nextRetryAt: nextRetryAt)
        gate.passEnds()
        return gate
    }

    @Test func closedUntilAPassAdmittedEverythingItRead() {
        var gate = AdmissionGate()
        #expect(!gate.admitsDirectly(at: now))
        gate.passBegins()
        #expect(!gate.admitsDirectly(at: now))
        gate.passAdmitted(leftWaiting: true, nextRetryAt: nil)
        gate.passEnds()
        #expect(!gate.admitsDirectly(at: now))
        #expect(afterCleanPass().admitsDirectly(at: now))
    }

    @Test func aPassThatReturnsBeforeReadingLeavesItClosed() {
        var gate = afterCleanPass()
        gate.passBegins()
        gate.passEnds()
        #expect(!gate.admitsDirectly(at: now))
    }

    @Test func aRequestLeftForTheLoopDuringAPassKeepsItClosedAfterThePass() {
        var gate = afterCleanPass()
        gate.passBegins()
        gate.requestLeftForLoop()
        gate.passAdmitted(leftWaiting: false, nextRetryAt: nil)
        gate.passEnds()
        #expect(!gate.admitsDirectly(at: now))
        #expect(afterCleanPass().admitsDirectly(at: now))
    }

    @Test func aDueRetryClosesIt() {
        let gate = afterCleanPass(nextRetryAt: now.addingTimeInterval(60))
        #expect(gate.admitsDirectly(at: now))
        #expect(!gate.admitsDirectly(at: now.addingTimeInterval(60)))
    }

    @Test func cancelsAreRememberedForTheRunningPassOnly() {
        let id = RequestID.random()
        var gate = AdmissionGate()
        gate.cancelled(id)
        gate.passBegins()
        #expect(!gate.wasCancelledDuringPass(id))
        gate.cancelled(id)
        #expect(gate.wasCancelledDuringPass(id))
        gate.passEnds()
        gate.passBegins()
        #expect(!gate.wasCancelledDuringPass(id))
    }
}
