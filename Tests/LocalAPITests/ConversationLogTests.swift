import Foundation
import LocalAPIModels
import Testing
import UCWASimulator

/// `GET /v1/conversation-logs` against the simulator's three seeded logs.
struct ConversationLogTests {
    /// The seeded logs in the reverse of their time order, so that the answer's order is the API's doing.
    private static func oldestFirst(_ options: inout APIFixture.Options) {
        options.simulator.conversationLogs = SeededConversationLog.defaults.sorted { $0.creationTime < $1.creationTime }
    }

    @Test func listsTheLogsNewestFirstWithTheirRecipients() async throws {
        try await APIFixture.run(Self.oldestFirst) { api in
            let answer = try await api.send(.GET, "/v1/conversation-logs")
            #expect(answer.status == 200)
            let logs = try answer.decode(ConversationLogList.self).conversationLogs
            #expect(logs.map(\.subject) == ["Deployment window", "Backup report", "On-call handover"])
            #expect(logs.allSatisfy { $0.href.contains("/communication/conversationLogs/") })
            let times = logs.compactMap(\.creationTime)
            #expect(times.count == 3 && times == times.sorted(by: >))
            #expect(logs[0].recipients == [.init(name: "Alice Wood", sipUri: "sip:alice@contoso.com")])
            #expect(logs[2].recipients.count == 2)
            #expect(answer.text.contains(#""conversationLogs":["#))
        }
    }

    @Test func filtersByRecipient() async throws {
        try await APIFixture.run(Self.oldestFirst) { api in
            let bob = try await api.send(.GET, "/v1/conversation-logs?with=sip:bob@contoso.com")
                .decode(ConversationLogList.self).conversationLogs
            #expect(bob.map(\.subject) == ["Backup report", "On-call handover"])
            let alice = try await api.send(.GET, "/v1/conversation-logs?with=ALICE@contoso.com")
                .decode(ConversationLogList.self).conversationLogs
            #expect(alice.map(\.subject) == ["Deployment window", "On-call handover"])
            let nobody = try await api.send(.GET, "/v1/conversation-logs?with=sip:carol@contoso.com")
                .decode(ConversationLogList.self).conversationLogs
            #expect(nobody.isEmpty)
        }
    }

    @Test func aListedHrefCanBeContinued() async throws {
        try await APIFixture.run { api in
            let logs = try await api.send(.GET, "/v1/conversation-logs").decode(ConversationLogList.self)
            let href = try #require(logs.conversationLogs.last?.href)
            let answer = try await api.submit(["conversationLog": href, "message": "from the list"])
            #expect(answer.status == 202, "\(answer.text)")
        }
    }
}
