import Testing
import UCWASimulator

@Suite("Conversation logs")
struct ConversationLogTests {
    @Test("conversationLogs is a links-only array, even for one log")
    func collection() async throws {
        let single = SeededConversationLog(
            id: "only",
            subject: "Only one",
            creationTime: 1_474_932_024_587,
            threadId: "t",
            recipients: [.init(displayName: "Alice Wood", sipURI: "sip:alice@contoso.com")]
        )
        try await SimulatorFixture.run {
            $0.conversationLogs = [single]
        } _: { fixture in
            let session = try await fixture.openSession()
            let body = try await fixture.get(session.conversationLogsHref, token: session.token).json()
            #expect(body.string("rel") == "conversationLogs")
            #expect(body.link("self") == session.conversationLogsHref)
            #expect(body.object("_links")?["conversationLog"] is [Any])
            #expect(session.logHrefs == [session.conversationLogsHref + "/only"])
        }
    }

    @Test("the default logs are seeded with Alice and Bob")
    func defaults() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            #expect(session.logHrefs.count == 3)
            let limited = try await fixture.get(session.conversationLogsHref + "?limit=1", token: session.token).json()
            #expect(limited.object("_links")?.objects("conversationLog").count == 1)
            var sipURIs: Set<String> = []
            for href in session.logHrefs {
                let log = try await fixture.get(href, token: session.token).json()
                for recipient in log.object("_embedded")?.objects("conversationLogRecipient") ?? [] {
                    sipURIs.insert(recipient.string("sipUri") ?? "")
                }
            }
            #expect(sipURIs == ["sip:alice@contoso.com", "sip:bob@contoso.com"])
        }
    }

    @Test("a conversationLog has the documented properties, links and recipients")
    func log() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let response = try await fixture.get(session.firstLog, token: session.token)
            #expect(response.text.contains(#""creationTime":"\/Date(1764400000000)\/""#))
            let log = try response.json()
            #expect(log.string("rel") == "conversationLog")
            #expect(log.string("creationTime") == "/Date(1764400000000)/")
            #expect(log.string("type") == "MessageLog")
            #expect(log.string("status") == "Archived")
            #expect(log.string("direction") == "Outgoing")
            #expect(log.string("importance") == "Normal")
            #expect(log.string("subject") == "Deployment window")
            #expect(log.string("threadId") != nil)
            #expect(log["modalities"] as? [String] == ["Messaging"])
            #expect(log["totalRecipientsCount"] as? Int == 1)
            #expect(log.link("self") == session.firstLog)
            #expect(log.link("continueMessaging") == session.firstLog + "/continueMessaging")
            let recipient = try #require(log.object("_embedded")?.objects("conversationLogRecipient").first)
            #expect(recipient.string("displayName") == "Alice Wood")
            #expect(recipient.string("sipUri") == "sip:alice@contoso.com")
        }
    }
}
