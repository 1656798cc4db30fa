import Foundation
import LocalAPIModels
import Testing

extension IntegrationSuite {
    /// Raw HTTP on the daemon's Unix socket, as a program (or curl --unix-socket) uses it.
    @Suite("through HTTP on the socket")
    struct SocketAPITests {
        @Test(
            "POST answers 202 with the first attempt stored, a long poll follows it to delivered, health shows the queue",
            .timeLimit(.minutes(3))
        )
        func submitAndFollow() async throws {
            try await TestEnvironment.run { environment in
                let simulator = try await environment.startSimulator()
                // A slow invitation: started at once, completed 3 s later, so the request is seen in flight.
                try await simulator.setInvitationScript(outcomeDelaySeconds: 3)
                let daemon = try await environment.startDaemon(simulator: simulator)
                let api = environment.api(daemon)

                let logs = try await api.conversationLogs().conversationLogs
                #expect(logs.count == 3)
                let bob = try #require(logs.first { $0.href.hasSuffix("/log-bob") })
                let text = "integration: backup finished \(UUID().uuidString)"
                let key = "it-\(UUID().uuidString)"
                let submission = MessageSubmission(conversationLog: bob.href, message: text, idempotencyKey: key)
                let before = Date()
                let (status, accepted) = try await api.submit(submission)
                #expect(status == 202)
                // Nothing older waits and the channel is parked: the accepting insert stored the first attempt.
                #expect(accepted.state == .dispatching)
                let firstAttempt = try #require(accepted.attempts.first)
                #expect(accepted.attempts.count == 1)
                #expect(accepted.operationId == firstAttempt.operationId)
                #expect(firstAttempt.startedAt == accepted.createdAt)
                #expect(firstAttempt.httpStatus == nil)
                #expect(accepted.idempotencyKey == key)
                #expect(accepted.contentType == "text/plain")
                #expect(accepted.failure == nil)
                // The default deadline is one hour.
                #expect(abs(accepted.deadline.timeIntervalSince(before) - 3600) < 120)

                let started = try await api.waitForMessage(id: accepted.id, timeout: .seconds(60)) {
                    $0.state == .started || $0.state.isTerminal
                }
                #expect(started.state == .started)
                let busy = try await api.health()
                #expect(busy.queue.byState["started"] == 1, "health while in flight: \(busy)")
                let inFlight = try await api.messages(state: .started)
                #expect(inFlight.messages.map(\.id) == [accepted.id])

                let delivered = try await api.waitUntilFinal(id: accepted.id, timeout: .seconds(60))
                #expect(delivered.state == .delivered)
                #expect(delivered.invitation != nil)
                #expect(delivered.attempts.count == 1)
                #expect(delivered.attempts.first?.httpStatus == 201)
                #expect(delivered.attempts.first?.operationId == firstAttempt.operationId)
                #expect(delivered.createdAt == accepted.createdAt)

                // The same idempotency key answers the earlier request.
                let (againStatus, again) = try await api.submit(submission)
                #expect(againStatus == 200)
                #expect(again.id == accepted.id)

                let cli = environment.cli(daemon)
                let shown = try await cli.run("status", ["--json", accepted.id])
                #expect(shown.exitCode == 0, "\(shown)")
                let viewed = try APIJSON.decoder().decode(MessageView.self, from: Data(shown.standardOutput.utf8))
                #expect(viewed.state == .delivered)
                let human = try await cli.run("status", [accepted.id])
                #expect(human.exitCode == 0, "\(human)")
                #expect(human.standardOutput.contains("delivered"), "\(human)")

                let health = try await api.health()
                print("integration health after delivery: \(health)")
                #expect(health.status == "ok")
                #expect(["parked", "polling"].contains(health.eventChannel.state), "\(health.eventChannel)")
                #expect(health.eventChannel.lastEventAt != nil)
                #expect(health.application?.creation == "created")
                let waiting = MessageState.allCases.filter { !$0.isTerminal }.map {
                    health.queue.byState[$0.rawValue] ?? 0
                }
                #expect(waiting.allSatisfy { $0 == 0 }, "nothing waits any more: \(health.queue)")
                #expect([nil, 1].contains(health.queue.byState["delivered"]), "\(health.queue)")

                let listed = try await api.messages(state: .delivered)
                #expect(listed.messages.map(\.id) == [accepted.id])
                #expect(try await simulator.received().filter { $0.messageText == text }.count == 1)
            }
        }

        @Test("unknown ids, bad bodies and late cancels are refused with the API's error body", .timeLimit(.minutes(2)))
        func refusals() async throws {
            try await TestEnvironment.run { environment in
                let simulator = try await environment.startSimulator()
                let daemon = try await environment.startDaemon(simulator: simulator)
                let api = environment.api(daemon)

                let unknown = try await api.send(.GET, "/v1/messages/01JD3Q8Z5W4K7N2M9P6R1T0V8X")
                #expect(unknown.status == 404, "\(unknown.text)")
                #expect(
                    (try? APIJSON.decoder().decode(APIErrorBody.self, from: unknown.body)) != nil,
                    "\(unknown.text)"
                )

                let malformed = try await api.send(.POST, "/v1/messages", json: Data("{\"message\": 1}".utf8))
                #expect((400..<500).contains(malformed.status), "\(malformed.text)")
                #expect((try? APIJSON.decoder().decode(APIErrorBody.self, from: malformed.body)) != nil)

                // A conversation log outside the daemon's application is refused, never forwarded.
                let foreign = MessageSubmission(conversationLog: "https://evil.example/x", message: "no")
                let refused = try await api.send(.POST, "/v1/messages", json: try APIJSON.encoder().encode(foreign))
                #expect((400..<500).contains(refused.status), "\(refused.text)")

                let logs = try await api.conversationLogs().conversationLogs
                let alice = try #require(logs.first)
                let (_, accepted) = try await api.submit(
                    MessageSubmission(conversationLog: alice.href, message: "integration: cancel too late")
                )
                let final = try await api.waitUntilFinal(id: accepted.id, timeout: .seconds(60))
                #expect(final.state == .delivered)
                let late = try await api.send(.DELETE, "/v1/messages/\(accepted.id)")
                #expect((400..<500).contains(late.status), "cancelling a delivered request: \(late.text)")
                #expect(try await simulator.received().count == 1)
            }
        }
    }
}
