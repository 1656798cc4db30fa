import Bridge
import Foundation
import LocalAPIModels
import Testing

/// `GET /v1/messages/{id}?wait=`.
@Suite(.timeLimit(.minutes(1))) struct WaitTests {
    @Test func returnsWhenTheStateChanges() async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            let view = try await api.submitAccepted()
            let started = ContinuousClock.now
            async let held = api.send(.GET, "/v1/messages/\(view.id)?wait=20s")
            await api.changes.subscriptions(to: RequestID(view.id), atLeast: 1)
            try await api.send(.DELETE, "/v1/messages/\(view.id)").expectStatus(200)
            let answer = try await held
            #expect(try answer.decode(MessageView.self).state == .cancelled)
            #expect(ContinuousClock.now - started < .seconds(15))
        }
    }

    @Test func returnsTheUnchangedRequestAfterTheWait() async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            let view = try await api.submitAccepted()
            let started = ContinuousClock.now
            let answer = try await api.send(.GET, "/v1/messages/\(view.id)?wait=200ms")
            let elapsed = ContinuousClock.now - started
            #expect(try answer.decode(MessageView.self).state == .accepted)
            #expect(elapsed >= .milliseconds(200))
            #expect(elapsed < .seconds(10))
        }
    }

    @Test func capsTheWaitAtTheConfiguredMaximum() async throws {
        try await APIFixture.run({
            $0.runsQueue = false; $0.maximumWait = .milliseconds(300)
        }) { api in
            let view = try await api.submitAccepted()
            let started = ContinuousClock.now
            let answer = try await api.send(.GET, "/v1/messages/\(view.id)?wait=2m")
            #expect(answer.status == 200)
            #expect(ContinuousClock.now - started < .seconds(60))
        }
    }

    @Test func untilFinalHoldsTheAnswerThroughTheStepsBetween() async throws {
        try await APIFixture.run { api in
            let view = try await api.submitAccepted("followed to the end")
            let answer = try await api.send(.GET, "/v1/messages/\(view.id)?wait=30s&until=final")
            answer.expectStatus(200)
            #expect(try answer.decode(MessageView.self).state == .delivered)
        }
    }

    @Test func aChangeSinceTheStateTheClientSawIsAnsweredAtOnce() async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            let view = try await api.submitAccepted()
            // The client says it saw `dispatching`; the request is `accepted` now: that differs, so no wait.
            let started = ContinuousClock.now
            let answer = try await api.send(.GET, "/v1/messages/\(view.id)?wait=20s&from=dispatching")
            answer.expectStatus(200)
            #expect(try answer.decode(MessageView.self).state == .accepted)
            #expect(ContinuousClock.now - started < .seconds(15))
        }
    }

    @Test func fromTheCurrentStateWaitsForTheNextChange() async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            let view = try await api.submitAccepted()
            let answer = try await api.send(.GET, "/v1/messages/\(view.id)?wait=200ms&from=accepted")
            #expect(try answer.decode(MessageView.self).state == .accepted)
            try await api.send(.GET, "/v1/messages/\(view.id)?wait=1s&from=sent").expectError(400, "invalidParameter")
        }
    }

    @Test(arguments: ["terminal", "Final", ""])
    func refusesAnUnknownUntil(_ until: String) async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            let view = try await api.submitAccepted()
            try await api.send(.GET, "/v1/messages/\(view.id)?wait=1s&until=\(until)")
                .expectError(400, "invalidParameter")
        }
    }

    @Test(arguments: ["soon", "30", "-1s", "1h", "1.5s", ""])
    func refusesAWaitThatIsNotADuration(_ wait: String) async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            let view = try await api.submitAccepted()
            try await api.send(.GET, "/v1/messages/\(view.id)?wait=\(wait)").expectError(400, "invalidParameter")
        }
    }
}

extension APIAnswer {
    /// Fails the test unless the status is `status`.
    func expectStatus(_ status: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(self.status == status, "\(text)", sourceLocation: sourceLocation)
    }
}
