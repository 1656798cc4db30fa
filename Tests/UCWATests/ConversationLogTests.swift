import Foundation
import Testing
import UCWA

@Suite struct ConversationLogTests {
    @Test func documentedCollectionIsAnArrayOfOne() throws {
        let logs = try ConversationLogs.decode(
            from: Fixtures.conversationLogs.utf8Data,
            contentType: "application/json"
        )
        #expect(
            logs.conversationLogs.map(\.href) == [
                "/ucwa/v1/applications/192/communication/conversationLogs/conversationLog"
            ]
        )
        #expect(logs.links.selfLink?.href == "/ucwa/v1/applications/192/communication/conversationLogs")
    }

    @Test func collectionAcceptsASingleObject() throws {
        let body = #"{"_links":{"conversationLog":{"href":"/logs/a"}}}"#
        #expect(try ConversationLogs.decode(json: body.utf8Data).conversationLogs.map(\.href) == ["/logs/a"])
    }

    @Test func collectionKeepsOrder() throws {
        let body = #"{"_links":{"conversationLog":[{"href":"/logs/b"},{"href":"/logs/a"},{"title":"no href"}]}}"#
        #expect(
            try ConversationLogs.decode(json: body.utf8Data).conversationLogs.map(\.href) == ["/logs/b", "/logs/a"]
        )
    }

    @Test func emptyCollection() throws {
        let body = #"{"rel":"conversationLogs","_links":{"self":{"href":"/logs"}}}"#
        #expect(try ConversationLogs.decode(json: body.utf8Data).conversationLogs.isEmpty)
    }

    @Test func documentedConversationLog() throws {
        let log = try ConversationLog.decode(from: Fixtures.conversationLog.utf8Data, contentType: "application/json")
        #expect(log.creationTime == Date(timeIntervalSince1970: 1_474_932_024.587))
        #expect(log.direction == .incoming)
        #expect(log.importance == .normal)
        #expect(log.modalities == ["Messaging", "Audio", "Video", "ApplicationSharing"])
        #expect(log.status == "Archived")
        #expect(log.subject == "Conversation with xxx.")
        #expect(log.threadId == "534e445ee854436a8abe02c24985f78a")
        #expect(log.type == "AudioLog")
        #expect(log.totalRecipientsCount == 91)
        #expect(log.onlineMeetingUri == "samplevalue")
        #expect(log.previewMessage == "samplevalue")
        #expect(log.continueMessaging?.href == ".../conversationLog/continueMessaging")
        #expect(log.continueAudio?.href == ".../conversationLog/continueAudio")
        #expect(log.continueAudioVideo?.href == ".../conversationLog/continueAudioVideo")
        #expect(log.continuePhoneAudio?.href == ".../conversationLog/continuePhoneAudio")
        #expect(log.continueVideo?.href == ".../conversationLog/continueVideo")
        #expect(log.links["markAsRead"]?.href == ".../conversationLog/markAsRead")
        #expect(log.recipients.count == 1)
        #expect(log.recipients.first?.displayName == "samplevalue")
        #expect(log.recipients.first?.sipUri == "samplevalue")
        #expect(log.recipients.first?.links["contact"]?.href == "/ucwa/v1/applications/192/people/282")
    }

    @Test(arguments: [
        (#"\/Date(0)\/"#, 0.0),
        (#"\/Date(-1000)\/"#, -1.0),
        (#"\/Date(1474932024587+0200)\/"#, 1_474_932_024.587),
        ("2016-09-26T23:20:24Z", 1_474_932_024.0),
        ("2016-09-26T23:20:24.587Z", 1_474_932_024.587),
    ])
    func creationTimeForms(text: String, seconds: Double) throws {
        let log = try ConversationLog.decode(json: #"{"creationTime":"\#(text)"}"#.utf8Data)
        let date = try #require(log.creationTime)
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.0005)
    }

    @Test(arguments: [#"\/Date()\/"#, #"\/Date(12x)\/"#, "yesterday", #"\/Date(1+02)\/"#])
    func badCreationTimeIsATypedError(text: String) throws {
        let error = try #require(throws: UCWADecodingError.self) {
            try ConversationLog.decode(json: #"{"creationTime":"\#(text)"}"#.utf8Data)
        }
        #expect(error.code == .unexpectedStructure)
        #expect(error.reason.contains("creationTime"))
    }

    @Test func conversationLogRoundTrips() throws {
        let log = try ConversationLog.decode(json: Fixtures.conversationLog.utf8Data)
        #expect(try ConversationLog.decode(json: try JSONEncoder().encode(log)) == log)
    }
}
