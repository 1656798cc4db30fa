import Foundation
import LocalAPIModels
import Testing

extension IntegrationSuite {
    /// The command-line client against a running daemon: what an administrator's script does.
    @Suite("through ucwa-bridge")
    struct CommandLineTests {
        @Test(
            "conversations lists the seeded logs, send --with --wait delivers exactly once",
            .timeLimit(.minutes(3))
        )
        func conversationsAndSend() async throws {
            try await TestEnvironment.run { environment in
                let simulator = try await environment.startSimulator()
                let daemon = try await environment.startDaemon(simulator: simulator)
                let cli = environment.cli(daemon)

                let listed = try await cli.run("conversations", ["--json"])
                #expect(listed.exitCode == 0, "\(listed)")
                let logs = try APIJSON.decoder()
                    .decode(ConversationLogList.self, from: Data(listed.standardOutput.utf8))
                    .conversationLogs
                // The simulator's three seeded logs, newest first.
                #expect(logs.map(\.subject) == ["Deployment window", "Backup report", "On-call handover"])
                #expect(
                    logs.map { $0.href.split(separator: "/").last.map(String.init) } == [
                        "log-alice", "log-bob", "log-team",
                    ]
                )
                #expect(logs.first?.recipients.map(\.sipUri) == ["sip:alice@contoso.com"])
                #expect(logs.last?.recipients.count == 2)

                let table = try await cli.run("conversations")
                #expect(table.exitCode == 0, "\(table)")
                #expect(table.standardOutput.contains("Deployment window"), "\(table)")
                #expect(table.standardOutput.contains("sip:bob@contoso.com"), "\(table)")

                let text = "integration: hello Alice \(UUID().uuidString)"
                let sent = try await cli.run("send", ["--with", "sip:alice@contoso.com", "--wait", "--json", text])
                #expect(sent.exitCode == 0, "\(sent)")
                let message = try APIJSON.decoder().decode(MessageView.self, from: Data(sent.standardOutput.utf8))
                #expect(message.state == .delivered)
                #expect(message.conversationLog.hasSuffix("/log-alice"), "the newest log with Alice")
                #expect(message.contentType == "text/plain")
                #expect(message.failure == nil)

                let received = try await simulator.received().filter { $0.messageText == text }
                #expect(received.count == 1, "the simulator received \(received)")
                #expect(received.first?.httpStatus == 201)
                #expect(received.first?.conversationLog.hasSuffix("/log-alice") == true)
                let operationIds = Set(message.attempts.map(\.operationId))
                #expect(received.first?.operationId.map(operationIds.contains) == true)
                #expect(try await simulator.counters().continueMessagingReceived == 1)
            }
        }

        @Test("send --wait --timeout ends within its timeout, the held submission included", .timeLimit(.minutes(3)))
        func sendWaitTimesOut() async throws {
            try await TestEnvironment.run { environment in
                let simulator = try await environment.startSimulator(arguments: ["--outcome", "neverCompletes"])
                let daemon = try await environment.startDaemon(simulator: simulator)
                let cli = environment.cli(daemon)

                let started = ContinuousClock.now
                let sent = try await cli.run(
                    "send",
                    ["--with", "sip:alice@contoso.com", "--wait", "--timeout", "2s", "never completed"]
                )
                let elapsed = ContinuousClock.now - started
                #expect(sent.exitCode == 124, "\(sent)")
                #expect(sent.standardError.contains("timed out after 2s"), "\(sent)")
                // The submission was held for the whole timeout; the wait after it must not start a second one.
                #expect(elapsed >= .seconds(2))
                #expect(elapsed < .seconds(4), "took \(elapsed)")
                let waiting = try await environment.api(daemon).messages().messages
                #expect(waiting.count == 1)
                #expect(waiting.first.map { !$0.state.isTerminal } == true)
            }
        }

        @Test("send without --wait prints the accepted request; wait and list see it through", .timeLimit(.minutes(3)))
        func sendThenWait() async throws {
            try await TestEnvironment.run { environment in
                let simulator = try await environment.startSimulator()
                let daemon = try await environment.startDaemon(simulator: simulator)
                let cli = environment.cli(daemon)
                let logs = try await environment.api(daemon).conversationLogs().conversationLogs
                let team = try #require(logs.first { $0.href.hasSuffix("/log-team") })

                let text = "integration: to the team \(UUID().uuidString)"
                let sent = try await cli.run("send", ["--conversation-log", team.href, "--json", text])
                #expect(sent.exitCode == 0, "\(sent)")
                let accepted = try APIJSON.decoder().decode(MessageView.self, from: Data(sent.standardOutput.utf8))
                #expect(accepted.conversationLog == team.href)

                let waited = try await cli.run("wait", ["--json", "--timeout", "60s", accepted.id])
                #expect(waited.exitCode == 0, "\(waited)")
                let final = try APIJSON.decoder().decode(MessageView.self, from: Data(waited.standardOutput.utf8))
                #expect(final.id == accepted.id)
                #expect(final.state == .delivered)

                let listed = try await cli.run("list", ["--json", "--state", "delivered"])
                #expect(listed.exitCode == 0, "\(listed)")
                let list = try APIJSON.decoder().decode(MessageList.self, from: Data(listed.standardOutput.utf8))
                #expect(list.messages.map(\.id) == [accepted.id])

                let none = try await cli.run("list", ["--json", "--state", "failed"])
                #expect(none.exitCode == 0, "\(none)")
                let empty = try APIJSON.decoder().decode(MessageList.self, from: Data(none.standardOutput.utf8))
                #expect(empty.messages.isEmpty)

                #expect(try await simulator.received().filter { $0.messageText == text }.count == 1)
            }
        }
    }
}
