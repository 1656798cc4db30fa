import Foundation
import TestSupport
import Testing
import UCWA
import UCWASimulator

@testable import Bridge

/// Hundreds of requests against random faults, in real time with small delays: every request ends, and what the
/// bridge says matches what the simulator received.
@Suite(.timeLimit(.minutes(1))) struct DispatchSoakTests {
    static let requestCount = 300
    static let postFaults: [SimulatedFault] = [
        .callbackChannelError, .tooManyRequests, .serviceUnavailable, .acceptThenClose, .serviceFailureWithoutBody,
        .badGateway,
    ]
    static let eventFaults: [SimulatedFault] = [.connectionClosed, .serviceUnavailable, .acceptThenClose]

    @Test func soakWithRandomFaults() async throws {
        let started = ContinuousClock.now
        try await DispatchFixture.run(
            simulator: { $0.faultSeed = 0x50AC },
            dispatch: {
                $0.retry = try! RetryPolicy(
                    initialDelay: .milliseconds(10),
                    multiplier: 2,
                    maximumDelay: .milliseconds(100),
                    jitter: .full,
                    maximumAttempts: nil,
                    deadline: .seconds(50)
                )
                $0.ambiguityGrace = .seconds(1)
                $0.invitationTimeout = .seconds(1)
                $0.outcomeMargin = .seconds(1)
            },
            channelBackoff: Backoff(initial: .milliseconds(10), maximum: .milliseconds(100), minimum: .milliseconds(5)),
            realTime: true,
            logLevel: .info
        ) { fixture in
            // One phase per fault kind: its requests run, and end, while that fault is active.
            var outcomes: [MessageRequest] = []
            let phaseSize = Self.requestCount / Self.postFaults.count
            for (phase, fault) in Self.postFaults.enumerated() {
                fixture.simulator.injectFault(fault, at: .continueMessaging, probability: 0.2)
                fixture.simulator.injectFault(
                    Self.eventFaults[phase % Self.eventFaults.count],
                    at: .events,
                    probability: 0.05
                )
                var ids: [RequestID] = []
                for index in 0..<phaseSize {
                    let request = fixture.request("soak \(phase)-\(index) ✓", deadline: .seconds(50))
                    ids.append(try await fixture.submit(request).id)
                }
                for id in ids {
                    outcomes.append(try await fixture.outcome(id))
                }
            }
            fixture.simulator.clearFaults()

            let received = fixture.simulator.receivedContinueMessaging
            var duplicates = 0
            var knowableDuplicates = 0
            for request in outcomes {
                #expect(
                    request.state == .delivered,
                    "\(request.id): \(request.state) \(String(describing: request.failure))"
                )
                let ids = Set(request.attempts.map(\.operationID.rawValue))
                let accepted = received.filter { record in
                    record.operationId.map(ids.contains) == true
                        && (record.httpStatus == 201 || record.connectionClosed)
                }
                if request.state == .delivered {
                    #expect(!accepted.isEmpty, "\(request.id) delivered without an accepted POST")
                }
                let resent = request.attempts.contains { $0.code == RequestFailure.noEvents }
                duplicates += max(0, accepted.count - 1)
                if !resent {
                    knowableDuplicates += max(0, accepted.count - 1)
                }
            }
            #expect(knowableDuplicates == 0)
            let counters = await fixture.dispatcher.counters
            #expect(duplicates <= counters.ambiguousResends)
            #expect(received.count <= counters.attempts)

            var answers: [String: Int] = [:]
            for record in received {
                answers[record.httpStatus.map(String.init) ?? "closed", default: 0] += 1
            }
            let faults = answers.filter { $0.key != "201" }.sorted { $0.key < $1.key }
                .map { "\($0.key)×\($0.value)" }.joined(separator: " ")
            let delivered = outcomes.filter { $0.state == .delivered }.count
            let seconds = (ContinuousClock.now - started).timeInterval
            print(
                "soak: \(outcomes.count) requests, \(delivered) delivered; faults on continueMessaging: \(faults)"
                    + " (p=0.2, rotating \(Self.postFaults.map(\.rawValue).joined(separator: "/")));"
                    + " events p=0.05 (\(Self.eventFaults.map(\.rawValue).joined(separator: "/")));"
                    + " attempts \(counters.attempts), retries \(counters.retries),"
                    + " ambiguous \(counters.ambiguousAttempts), re-sends \(counters.ambiguousResends),"
                    + " duplicates \(duplicates) (knowable \(knowableDuplicates)),"
                    + " outcome checks \(counters.outcomeChecks), channel resets \(counters.channelResets),"
                    + " duration \(String(format: "%.1f", seconds)) s"
            )
        }
    }
}
