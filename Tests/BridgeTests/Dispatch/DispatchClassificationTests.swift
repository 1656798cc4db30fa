import Foundation
import NIOHTTP1
import TestSupport
import Testing
import UCWA
import UCWASimulator

@testable import Bridge

/// Synchronous errors: which are terminal, which are retried, and how.
@Suite(.timeLimit(.minutes(1))) struct DispatchClassificationTests {
    @Test func callbackChannelErrorIsRetriedWithTheBackoffAndFreshOperationIds() async throws {
        try await DispatchFixture.run { fixture in
            fixture.simulator.injectFault(.callbackChannelError, at: .continueMessaging, count: 3)
            let submitted = try await fixture.submit(fixture.request())
            var nextAttempts: [Date] = []
            for (index, wait) in [1, 2, 4].enumerated() {
                await fixture.dispatchClock.sleepers(atLeast: 1)
                let scheduled = try #require(await fixture.journal.request(submitted.id))
                #expect(scheduled.state == .retryScheduled)
                #expect(scheduled.attempts.count == index + 1)
                #expect(scheduled.attempts.last?.httpStatus == 500)
                #expect(scheduled.attempts.last?.subcode == "CallbackChannelError")
                let at = try #require(scheduled.nextAttemptAt)
                #expect(at == scheduled.updatedAt.addingTimeInterval(TimeInterval(wait)))
                nextAttempts.append(at)
                fixture.dispatchClock.advance(by: .seconds(wait))
            }
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .delivered)
            #expect(done.attempts.count == 4)
            let base = DispatchFixture.base
            #expect(nextAttempts == [1, 3, 7].map { base.addingTimeInterval($0) })
            let received = fixture.simulator.receivedContinueMessaging
            #expect(received.map(\.httpStatus) == [500, 500, 500, 201])
            #expect(received.compactMap(\.operationId) == done.attempts.map(\.operationID.rawValue))
            #expect(Set(received.compactMap(\.operationId)).count == 4)
            #expect(fixture.connection.parkedFlags == [true, true, true, true])
        }
    }

    @Test func noAttemptWhileTheChannelHasNoPGetOut() async throws {
        try await DispatchFixture.run { fixture in
            fixture.simulator.injectFault(.callbackChannelError, at: .continueMessaging, count: 1)
            let submitted = try await fixture.submit(fixture.request())
            await fixture.dispatchClock.sleepers(atLeast: 1)
            // Take the channel down: the parked P-GET times out and the next one fails, so it backs off.
            fixture.simulator.injectFault(.serviceUnavailable, at: .events, count: 1)
            fixture.simClock.advance(by: .seconds(180))
            await fixture.clientClock.sleepers(atLeast: 1)
            #expect(!fixture.channel.isParked)
            fixture.dispatchClock.advance(by: .seconds(1))
            _ = await fixture.waitForCounters { $0.waitingForChannel == 1 }
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)
            #expect(await fixture.dispatcher.request(submitted.id)?.state == .retryScheduled)
            fixture.clientClock.advance(by: .seconds(30))
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .delivered)
            #expect(fixture.connection.parkedFlags == [true, true])
        }
    }

    static let terminalFaults: [(SimulatedFault, Int, String, String)] = [
        (.badRequest, 400, "BadRequest", "ParameterValidationFailure"),
        (.forbidden, 403, "Forbidden", "None"),
        (.alreadyExists, 409, "Conflict", "AlreadyExists"),
        (.tooManyGroups, 409, "Conflict", "TooManyGroups"),
        (.conflictNone, 409, "Conflict", "None"),
        (.cannotRedirect, 410, "Gone", "CannotRedirect"),
        (.userAgentNotAllowed, 410, "Gone", "UserAgentNotAllowed"),
    ]

    @Test(arguments: terminalFaults)
    func terminalErrorsFailAtOnce(fault: SimulatedFault, status: Int, code: String, subcode: String) async throws {
        try await DispatchFixture.run { fixture in
            fixture.simulator.injectFault(fault, at: .continueMessaging)
            let submitted = try await fixture.submit(fixture.request())
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .failed)
            #expect(done.failure?.code == code)
            #expect(done.failure?.subcode == subcode)
            #expect(done.attempts.count == 1)
            #expect(done.attempts.first?.httpStatus == status)
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)
        }
    }

    static func ucwaError(_ status: Int, _ code: String, _ subcode: String) -> UCWAOutcome {
        let body = Data(#"{"code":"\#(code)","subcode":"\#(subcode)","message":"scripted"}"#.utf8)
        let response = UCWAResponse(
            status: status,
            headers: HTTPHeaders([("Content-Type", "application/json")]),
            body: body
        )
        return .ucwaError(response, ErrorReason(code: ErrorCode(code), subcode: ErrorSubcode(subcode)))
    }

    @Test func missingConversationLogFailsWithoutAPost() async throws {
        try await DispatchFixture.run { fixture in
            let missing = fixture.logHref.replacingOccurrences(of: "log-", with: "gone-")
            #expect(missing != fixture.logHref)
            let submitted = try await fixture.submit(fixture.request(log: missing))
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .failed)
            #expect(done.failure?.code == "NotFound")
            #expect(done.failure?.subcode == "ResourceNotFound")
            #expect(done.attempts.first?.httpStatus == 404)
            #expect(fixture.simulator.receivedContinueMessaging.isEmpty)
        }
    }

    @Test(arguments: [
        SimulatedFault.tooManyRequests, .serviceFailureWithoutBody, .badGateway, .serviceUnavailable,
    ])
    func retryableErrorsAreRetried(fault: SimulatedFault) async throws {
        try await DispatchFixture.run { fixture in
            fixture.simulator.injectFault(fault, at: .continueMessaging)
            let submitted = try await fixture.submit(fixture.request())
            await fixture.dispatchClock.sleepers(atLeast: 1)
            #expect(await fixture.dispatcher.request(submitted.id)?.state == .retryScheduled)
            fixture.dispatchClock.advance(by: .seconds(1))
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .delivered)
            let received = fixture.simulator.receivedContinueMessaging
            #expect(received.count == 2)
            #expect(Set(received.compactMap(\.operationId)).count == 2)
        }
    }

    @Test func notSentIsRetried() async throws {
        try await DispatchFixture.run { fixture in
            fixture.connection.script([
                .notSent(UCWAClientError(code: .connectionFailed, reason: "refused (scripted)", source: "request"))
            ])
            let submitted = try await fixture.submit(fixture.request())
            await fixture.dispatchClock.sleepers(atLeast: 1)
            fixture.dispatchClock.advance(by: .seconds(1))
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .delivered)
            #expect(done.attempts.count == 2)
            #expect(fixture.simulator.receivedContinueMessaging.count == 1)
        }
    }

    @Test func deadlineEndsARequestThatKeepsFailing() async throws {
        try await DispatchFixture.run { fixture in
            fixture.simulator.injectFault(.callbackChannelError, at: .continueMessaging, count: 10)
            let submitted = try await fixture.submit(fixture.request(deadline: .seconds(5)))
            await fixture.dispatchClock.sleepers(atLeast: 1)
            fixture.dispatchClock.advance(by: .seconds(1))
            await fixture.dispatchClock.sleepers(atLeast: 1)
            fixture.dispatchClock.advance(by: .seconds(2))
            // The third attempt fails at t=3 s; the next would start at t=7 s, after the 5 s deadline.
            let done = try await fixture.outcome(submitted.id)
            #expect(done.state == .expired)
            #expect(done.attempts.count == 3)
            #expect(done.failure?.code == "DeadlinePassed")
            #expect(fixture.simulator.receivedContinueMessaging.count == 3)
        }
    }

    @Test func classifierRows() {
        let cases: [(UCWAOutcome, AttemptClassification)] = [
            (Self.ucwaError(500, "ServiceFailure", "CallbackChannelError"), .retry(.callbackChannelError)),
            (Self.ucwaError(404, "NotFound", "ApplicationNotFound"), .applicationLost),
            (Self.ucwaError(410, "Gone", "InactiveApplicationExpired"), .applicationLost),
            (Self.ucwaError(429, "TooManyRequests", "None"), .retry(.throttled)),
            (Self.ucwaError(503, "ServiceUnavailable", "None"), .retry(.serverError)),
            (
                .infrastructureError(UCWAResponse(status: 502, headers: [:], body: Data())),
                .retry(.serverError)
            ),
            (.ambiguous(UCWAClientError(code: .connectionLost, reason: "x", source: "t")), .ambiguous),
            (.notSent(UCWAClientError(code: .connectionFailed, reason: "x", source: "t")), .retry(.notSent)),
        ]
        for (outcome, expected) in cases {
            #expect(DispatchClassifier.classify(outcome, step: .continueMessaging) == expected)
        }
        guard
            case .terminal(let failure) = DispatchClassifier.classify(
                .notSent(UCWAClientError(code: .hrefOutsideOrigin, reason: "elsewhere", source: "request")),
                step: .continueMessaging
            )
        else {
            Issue.record("an href outside the origin is not terminal")
            return
        }
        #expect(failure.code == RequestFailure.hrefRefused)
        guard
            case .terminal(let proxy) = DispatchClassifier.classify(
                .infrastructureError(UCWAResponse(status: 404, headers: [:], body: Data())),
                step: .conversationLog
            )
        else {
            Issue.record("a 404 without a body is not terminal")
            return
        }
        #expect(proxy.code == "NotFound" && proxy.subcode == nil)
    }
}
