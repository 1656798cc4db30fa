import Foundation
import Testing
import UCWA

@Suite struct ApplicationTests {
    @Test func createdApplicationBody() throws {
        let application = try Application.decode(
            from: Fixtures.applicationCreated.utf8Data,
            contentType: "application/vnd.microsoft.com.ucwa+json; charset=utf-8"
        )
        #expect(application.culture == "en-US")
        #expect(application.userAgent == "UCWA Samples")
        #expect(application.selfLink?.href == "/ucwa/oauth/v1/applications/105")
        #expect(application.events?.href == "/ucwa/oauth/v1/applications/105/events?ack=1")
        #expect(application.links["batch"]?.href == "/ucwa/oauth/v1/applications/105/batch")
        #expect(application.links["policies"]?.href == "/ucwa/oauth/v1/applications/105/policies")
    }

    @Test func embeddedMeSkipsPlaceholderLinks() throws {
        let application = try Application.decode(json: Fixtures.applicationCreated.utf8Data)
        let me = try #require(application.me)
        #expect(me.name == "Lene Aaling")
        #expect(me.uri == "sip:lenea@contoso.com")
        #expect(me.links["makeMeAvailable"]?.href == "/ucwa/oauth/v1/applications/105/me/makeMeAvailable")
        // The documentation's `"...":{}` placeholder has no href and is not a link.
        #expect(me.links.rels == ["makeMeAvailable", "self"])
    }

    @Test func embeddedCommunicationLinks() throws {
        let application = try Application.decode(json: Fixtures.applicationCreated.utf8Data)
        let communication = try #require(application.communication)
        #expect(
            communication.startMessaging?.href == "/ucwa/oauth/v1/applications/105/communication/messagingInvitations"
        )
        #expect(
            communication.links["conversations"]?.href
                == "/ucwa/oauth/v1/applications/105/communication/conversations?filter=active"
        )
        // This example has no conversationLogs link: conversation history is not available there.
        #expect(communication.conversationLogs == nil)
        #expect(communication.supportedMessageFormats == ["Plain"])
        #expect(communication.supportedModalities.isEmpty)
        #expect(communication.etag == "3140562359")
    }

    @Test func unknownEmbeddedPropertiesAreKept() throws {
        let application = try Application.decode(json: Fixtures.applicationCreated.utf8Data)
        let communication = try #require(application.embedded["communication"])
        #expect(
            communication["4d221db7-4af0-476b-9443-8bc874283085"]?.stringValue == "please pass this in a PUT request"
        )
        #expect(application.embedded["people"]?["rel"]?.stringValue == "people")
        #expect(application.embedded["onlineMeetings"] != nil)
    }

    @Test func communicationWithConversationLogsLink() throws {
        let body = #"""
            {"_links":{"self":{"href":"/ucwa/v1/applications/192"}},
             "_embedded":{"communication":{"_links":{
                "conversationLogs":{"href":"/ucwa/v1/applications/192/communication/conversationLogs"}}}}}
            """#
        let application = try Application.decode(json: body.utf8Data)
        #expect(
            application.communication?.conversationLogs?.href
                == "/ucwa/v1/applications/192/communication/conversationLogs"
        )
        #expect(application.me == nil)
        #expect(application.events == nil)
    }

    @Test func applicationRoundTripsThroughJSON() throws {
        let application = try Application.decode(json: Fixtures.applicationCreated.utf8Data)
        let again = try Application.decode(json: try JSONEncoder().encode(application))
        #expect(again == application)
    }
}
