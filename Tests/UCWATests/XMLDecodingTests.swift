import Foundation
import Testing
import UCWA

@Suite struct XMLDecodingTests {
    @Test func documentedEventsExample() throws {
        let response = try EventsResponse.decode(
            from: Fixtures.eventsXML.utf8Data,
            contentType: "application/vnd.microsoft.com.ucwa+xml; charset=utf-8"
        )
        #expect(response.links.selfLink?.href == "/ucwa/oauth/v1/applications/102/events?ack=1")
        #expect(response.continuation == .next(Link(rel: "next", href: "/ucwa/oauth/v1/applications/102/events?ack=2")))
        #expect(response.senders.map(\.rel) == ["communication", "me"])
        #expect(response.senders[1].href == "/ucwa/oauth/v1/applications/102/me")
        #expect(response.events.map(\.type) == [.updated, .updated, .added])
        #expect(response.events.map(\.link.rel) == ["communication", "me", "presence"])
        #expect(response.events[2].link.href == "/ucwa/oauth/v1/applications/102/me/presence")
        #expect(response.events[1].embeddedResource == nil)
    }

    @Test func embeddedXMLResourceHasTheJSONShape() throws {
        let event = try EventsResponse.decode(xml: Fixtures.eventsXML.utf8Data).events[0]
        let resource = try #require(event.embeddedResource)
        #expect(resource["56de7bbf-1081-43e6-bbf2-1cabf3224c83"]?.stringValue == "please pass this in a PUT request")
        #expect(resource["etag"]?.stringValue == "2943169141")
        let communication = try #require(try event.embeddedResource(as: Communication.self))
        #expect(communication.supportedModalities == ["Messaging"])
        #expect(communication.etag == "2943169141")
        #expect(
            communication.links["conversations"]?.href
                == "/ucwa/oauth/v1/applications/102/communication/conversations?filter=active"
        )
        #expect(communication.links.selfLink?.href == "/ucwa/oauth/v1/applications/102/communication")
    }

    /// The placement of status, reason and operationId in XML is inferred, not documented (see EventsResponse+XML).
    @Test func inferredStatusReasonAndOperationId() throws {
        let xml = #"""
            <?xml version="1.0" encoding="utf-8"?>
            <events href="/e?ack=4" xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">
             <link rel="next" href="/e?ack=5" />
             <sender rel="communication" href="/c">
              <completed rel="messagingInvitation" href="/c/messagingInvitations/7">
               <property name="status">Failure</property>
               <reason>
                <code>ServiceFailure</code><subcode>CallbackChannelError</subcode>
                <message>The remote event channel is not reachable</message>
               </reason>
               <resource rel="messagingInvitation" href="/c/messagingInvitations/7">
                <property name="operationId">9f2c</property>
                <property name="state">Failed</property>
               </resource>
              </completed>
              <started rel="messagingInvitation" href="/c/messagingInvitations/8">
               <property name="status">Success</property>
              </started>
             </sender>
            </events>
            """#
        let events = try EventsResponse.decode(from: xml.utf8Data, contentType: "application/xml").events
        #expect(events.count == 2)
        #expect(events[0].type == .completed)
        #expect(events[0].status == .failure)
        #expect(events[0].isFailedCompletion)
        #expect(events[0].reason?.code == .serviceFailure)
        #expect(events[0].reason?.subcode == .callbackChannelError)
        #expect(events[0].reason?.message == "The remote event channel is not reachable")
        #expect(events[0].operationId == "9f2c")
        #expect(try events[0].embeddedResource(as: MessagingInvitation.self)?.state == .failed)
        #expect(events[1].status?.isSuccess == true)
        #expect(events[1].operationId == nil)
    }

    @Test func documentedErrorBody() throws {
        let reason = try ErrorReason.decode(from: Fixtures.conflictErrorXML.utf8Data, contentType: "application/xml")
        #expect(reason.code == .conflict)
        #expect(reason.subcode == .alreadyExists)
        #expect(reason.message == "The requested resource already exists. Please wait and try again.")
        #expect(reason.debugInfo == nil)
        #expect(reason.parameters == nil)
    }

    @Test func xmlAndJSONErrorBodiesAgree() throws {
        let xml = try ErrorReason.decode(from: Fixtures.conflictErrorXML.utf8Data, contentType: "application/xml")
        let json = try ErrorReason.decode(from: Fixtures.conflictError.utf8Data, contentType: "application/json")
        #expect(xml == json)
    }

    @Test func xmlErrorBodyWithDebugInfoProperties() throws {
        let xml = #"""
            <reason xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><code>BadRequest</code>
            <subcode>ParameterValidationFailure</subcode>
            <debugInfo><property name="errorReportId">93883c15</property></debugInfo>
            <parameters><property name="subject">too long</property></parameters></reason>
            """#
        let reason = try ErrorReason.decode(xml: xml.utf8Data)
        #expect(reason.code == .badRequest)
        #expect(reason.subcode == .parameterValidationFailure)
        #expect(reason.message == nil)
        #expect(reason.debugInfo == .object(["errorReportId": .string("93883c15")]))
        #expect(reason.parameters?["subject"]?.stringValue == "too long")
    }

    @Test func jsonOnlyResourcesRefuseXML() throws {
        let error = try #require(throws: UCWADecodingError.self) {
            try Application.decode(from: Fixtures.eventsXML.utf8Data, contentType: "application/xml")
        }
        #expect(error.code == .unsupportedFormat)
    }
}
