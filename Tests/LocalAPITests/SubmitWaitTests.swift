import Bridge
import Foundation
import LocalAPIModels
import Testing

/// `POST /v1/messages?wait=`: the submission's answer held as `GET ?wait=` holds it.
@Suite(.timeLimit(.minutes(1))) struct SubmitWaitTests {
    @Test func untilFinalAnswersTheNewRequestOnceItIsDelivered() async throws {
        try await APIFixture.run { api in
            let answer = try await api.send(
                .POST,
                "/v1/messages?wait=30s&until=final",
                body: JSONSerialization.data(withJSONObject: ["conversationLog": api.logHref, "message": "one call"])
            )
            answer.expectStatus(202)
            let view = try answer.decode(MessageView.self)
            #expect(view.state == .delivered)
            #expect(answer.header("Location") == "/v1/messages/\(view.id)")
            #expect(view.attempts.count == 1)
            #expect(api.simulator.receivedContinueMessaging.count == 1)
            #expect(api.changes.subscriptionCount == 0)
        }
    }

    @Test func aHeldAnswerComesWhenTheWaitPassesAndTheRequestStaysQueued() async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            let started = ContinuousClock.now
            let answer = try await api.send(
                .POST,
                "/v1/messages?wait=300ms",
                body: JSONSerialization.data(withJSONObject: ["conversationLog": api.logHref, "message": "held"])
            )
            let elapsed = ContinuousClock.now - started
            answer.expectStatus(202)
            let view = try answer.decode(MessageView.self)
            #expect(view.state == .accepted)
            #expect(elapsed >= .milliseconds(300))
            #expect(elapsed < .seconds(20))
            let stored = try await api.send(.GET, "/v1/messages/\(view.id)").decode(MessageView.self)
            #expect(stored.state == .accepted)
            #expect(api.changes.subscriptionCount == 0)
        }
    }

    @Test func aRepeatedSubmissionIsHeldUntilTheFirstRequestChanges() async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            let first = try await api.submitAccepted("cancelled while held", extra: ["idempotencyKey": "ticket-42"])
            let body = try JSONSerialization.data(
                withJSONObject: [
                    "conversationLog": api.logHref, "message": "cancelled while held", "idempotencyKey": "ticket-42",
                ]
            )
            async let held = api.send(.POST, "/v1/messages?wait=20s", body: body)
            // Cancelled only once the second submission waits: otherwise it would be answered `cancelled` at once.
            await api.changes.subscriptions(to: RequestID(first.id), atLeast: 1)
            try await api.send(.DELETE, "/v1/messages/\(first.id)").expectStatus(200)
            let answer = try await held
            answer.expectStatus(200)
            let view = try answer.decode(MessageView.self)
            #expect(view.id == first.id)
            #expect(view.state == .cancelled)
        }
    }

    @Test func aRepeatedIdempotencyKeyAnswersTheFinalFirstRequestAtOnce() async throws {
        try await APIFixture.run { api in
            let fields: [String: Any] = [
                "conversationLog": api.logHref, "message": "only once", "idempotencyKey": "ticket-4711",
            ]
            let first = try await api.send(
                .POST,
                "/v1/messages?wait=30s&until=final",
                body: JSONSerialization.data(withJSONObject: fields)
            )
            first.expectStatus(202)
            let delivered = try first.decode(MessageView.self)
            #expect(delivered.state == .delivered)
            let started = ContinuousClock.now
            let second = try await api.send(
                .POST,
                "/v1/messages?wait=20s",
                body: JSONSerialization.data(withJSONObject: fields)
            )
            second.expectStatus(200)
            #expect(try second.decode(MessageView.self) == delivered)
            #expect(ContinuousClock.now - started < .seconds(15))
            #expect(api.simulator.receivedContinueMessaging.count == 1)
            #expect(api.changes.subscriptionCount == 0)
        }
    }

    @Test(arguments: ["wait=soon", "wait=1s&until=Final", "until=final&wait=-1s", "wait=1s&from=accepted"])
    func anUnreadableWaitIsRefusedAndStoresNothing(_ query: String) async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            try await api.send(
                .POST,
                "/v1/messages?\(query)",
                body: JSONSerialization.data(withJSONObject: ["conversationLog": api.logHref, "message": "refused"])
            ).expectError(400, "invalidParameter")
            let list = try await api.send(.GET, "/v1/messages").decode(MessageList.self)
            #expect(list.messages.isEmpty)
        }
    }
}
