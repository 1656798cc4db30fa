import Foundation
import LocalAPIModels
import Testing

struct IdempotencyTests {
    @Test func aRepeatedKeyAnswersTheFirstRequestWith200() async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            let fields: [String: Any] = [
                "conversationLog": api.logHref, "message": "once", "idempotencyKey": "ticket-7",
            ]
            let first = try await api.submit(fields)
            #expect(first.status == 202)
            let created = try first.decode(MessageView.self)
            #expect(first.header("Location") == "/v1/messages/\(created.id)")

            var changed = fields
            changed["message"] = "twice"
            let second = try await api.submit(changed)
            #expect(second.status == 200)
            let repeated = try second.decode(MessageView.self)
            #expect(repeated.id == created.id)
            #expect(repeated.idempotencyKey == "ticket-7")
            #expect(second.header("Location") == "/v1/messages/\(created.id)")

            let list = try await api.send(.GET, "/v1/messages").decode(MessageList.self)
            #expect(list.messages.count == 1)
        }
    }
}
