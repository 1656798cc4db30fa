import Foundation
import Testing
import UCWA

@Suite struct EventsResponseTests {
    @Test func emptyResponseHasOnlyNext() throws {
        let response = try EventsResponse.decode(
            from: Fixtures.emptyEventsResponse.utf8Data,
            contentType: "application/json"
        )
        #expect(response.senders.isEmpty)
        #expect(response.events.isEmpty)
        #expect(response.links.selfLink?.href == "/ucwa/oauth/v1/applications/102/events?ack=7")
        #expect(response.continuation == .next(Link(rel: "next", href: "/ucwa/oauth/v1/applications/102/events?ack=8")))
        #expect(response.resume == nil)
        #expect(response.resync == nil)
    }

    @Test func sendAnIMResponseStructure() throws {
        let response = try EventsResponse.decode(json: Fixtures.eventsResponse.utf8Data)
        #expect(response.next?.href == "/ucwa/oauth/v1/applications/102/events?ack=3")
        #expect(response.senders.map(\.rel) == ["communication", "conversation"])
        #expect(response.senders[0].href == "/ucwa/oauth/v1/applications/102/communication")
        #expect(response.senders.map(\.events.count) == [2, 2])
        #expect(response.events.map(\.type) == [.started, .added, .added, .updated])
        #expect(
            response.events.map(\.link.rel) == [
                "messagingInvitation", "conversation", "participantMessaging", "messaging",
            ]
        )
    }

    @Test func startedEventCarriesOperationIdAndInvitation() throws {
        let event = try EventsResponse.decode(json: Fixtures.eventsResponse.utf8Data).events[0]
        #expect(event.operationId == "5028e824-2268-4b14-9e59-1abad65ff393")
        #expect(event.link.href == "/ucwa/oauth/v1/applications/102/communication/messagingInvitations/60c")
        #expect(event.status == nil)
        #expect(!event.isFailedCompletion)
        let invitation = try #require(try event.embeddedResource(as: MessagingInvitation.self))
        #expect(invitation.state == .connecting)
        #expect(invitation.direction == .outgoing)
        #expect(invitation.importance == .normal)
        #expect(invitation.threadId == "0c7e9e90916041099ffd46075944f433")
        #expect(invitation.subject == "Task Sample")
        #expect(invitation.operationId == "5028e824-2268-4b14-9e59-1abad65ff393")
        #expect(invitation.links["from"]?.title == "Tosh Meston")
        #expect(
            invitation.links["messaging"]?.href
                == "/ucwa/oauth/v1/applications/102/communication/conversations/21a1/messaging"
        )
        #expect(invitation.messageLink == nil)
        #expect(try invitation.message() == nil)
    }

    @Test func eventsWithoutOperationsHaveNoOperationId() throws {
        let events = try EventsResponse.decode(json: Fixtures.eventsResponse.utf8Data).events
        #expect(events[1].operationId == nil)
        #expect(events[1].embeddedResource?["state"]?.stringValue == "Connecting")
        #expect(events[2].embeddedResource == nil)
        #expect(events[2].collection?.rel == "participant")
        #expect(events[2].collection?.title == "")
        #expect(events[2].collection?.href == ".../conversations/21a1/participants/lenea@contoso.com")
        #expect(events[3].embeddedResource?["rel"]?.stringValue == "messaging")
    }

    @Test func onlineMeetingInvitationExample() throws {
        let response = try EventsResponse.decode(json: Fixtures.onlineMeetingInvitationEvents.utf8Data)
        #expect(response.next?.href == "/ucwa/v1/applications/23/events?ack=2")
        #expect(response.links.selfLink?.href == "/ucwa/v1/applications/23/events?ack=1")
        #expect(response.senders.count == 1)
        #expect(response.senders[0].rel == "communication")
        let event = try #require(response.events.first)
        #expect(event.type == .started)
        #expect(event.link.rel == "onlineMeetingInvitation")
        #expect(event.link.href == "/ucwa/v1/applications/23/communication/onlineMeetingInvitations/i1")
        #expect(event.operationId == "123")
        #expect(event.embeddedResource?["state"]?.stringValue == "Connecting")
    }

    @Test func completedSuccessWithAcceptedParticipant() throws {
        let event = try decodeEvent(Fixtures.completedSuccessEvent)
        #expect(event.type == .completed)
        #expect(event.status == .success)
        #expect(event.status?.isSuccess == true)
        #expect(!event.isFailedCompletion)
        #expect(event.reason == nil)
        #expect(event.operationId == "5028e824-2268-4b14-9e59-1abad65ff393")
        let invitation = try #require(try event.embeddedResource(as: MessagingInvitation.self))
        #expect(invitation.state == .connected)
        #expect(invitation.acceptedByParticipants.count == 1)
        let participant = try #require(invitation.acceptedByParticipants.first)
        #expect(participant.uri == "sip:lenea@contoso.com")
        #expect(participant.name == "")
        #expect(participant.sourceNetwork == "SameEnterprise")
        #expect(participant.anonymous == false)
        #expect(participant.links.selfLink?.href == "…/participants/lenea@contoso.com")
    }

    @Test func completedFailureFromKEN36() throws {
        let event = try decodeEvent(Fixtures.completedFailureEvent)
        #expect(event.type == .completed)
        #expect(event.status == .failure)
        #expect(event.status?.isSuccess == false)
        #expect(event.isFailedCompletion)
        #expect(event.reason?.code == .remoteFailure)
        #expect(event.reason?.subcode == .declined)
        #expect(event.reason?.message == "Your invitation was declined.")
        #expect(event.link.rel == "participantInvitation")
        #expect(event.operationId == nil)
        #expect(event.embeddedResource?["state"]?.stringValue == "Failed")
        #expect(event.embeddedResource?["..."]?.stringValue == "...")
    }

    @Test func messageCompletedEvent() throws {
        let event = try decodeEvent(Fixtures.messageCompletedEvent)
        #expect(event.link.rel == "message")
        #expect(event.status?.isSuccess == true)
        #expect(event.embeddedResource?["direction"]?.stringValue == "Outgoing")
        #expect(event.embeddedResource?["timeStamp"]?.stringValue == "/Date(1364327898968)/")
        #expect(
            event.embeddedResource?["_links"]?["messaging"]?["href"]?.stringValue == "…/conversations/21a1/messaging"
        )
    }

    @Test(arguments: ["SUCCESS", "success", "Success", "sUcCeSs"])
    func statusComparesCaseInsensitively(spelling: String) {
        #expect(EventStatus(rawValue: spelling).isSuccess)
    }

    @Test(arguments: ["Failure", "failure", "", "Succeeded", "Pending"])
    func anythingElseIsFailure(spelling: String) {
        #expect(!EventStatus(rawValue: spelling).isSuccess)
        let event = Event(
            link: Link(rel: "messagingInvitation", href: "/x"),
            type: .completed,
            status: .init(rawValue: spelling)
        )
        #expect(event.isFailedCompletion)
    }

    @Test func completedWithoutStatusIsAFailure() {
        let event = Event(link: Link(rel: "messagingInvitation", href: "/x"), type: .completed)
        #expect(event.isFailedCompletion)
    }

    @Test func unknownEventTypeIsKept() throws {
        let event = try decodeEvent(#"{"link":{"rel":"x","href":"/x"},"type":"moved"}"#)
        #expect(event.type == .unknown("moved"))
        #expect(event.type.rawValue == "moved")
        let again = try JSONDecoder().decode(Event.self, from: try JSONEncoder().encode(event))
        #expect(again == event)
    }

    @Test(arguments: ["added", "updated", "deleted", "started", "completed"])
    func knownEventTypesRoundTrip(rawValue: String) {
        let type = EventType(rawValue: rawValue)
        #expect(type.rawValue == rawValue)
        if case .unknown = type {
            Issue.record("\(rawValue) decoded as unknown")
        }
    }

    @Test func continuationPrecedenceIsResyncThenResumeThenNext() throws {
        let all = #"{"_links":{"next":{"href":"/n"},"resume":{"href":"/r"},"resync":{"href":"/s"}}}"#
        #expect(try EventsResponse.decode(json: all.utf8Data).continuation?.link.href == "/s")
        let resume = #"{"_links":{"next":{"href":"/n"},"resume":{"href":"/r"}}}"#
        #expect(
            try EventsResponse.decode(json: resume.utf8Data).continuation == .resume(Link(rel: "resume", href: "/r"))
        )
        let none = #"{"_links":{"self":{"href":"/e"}}}"#
        #expect(try EventsResponse.decode(json: none.utf8Data).continuation == nil)
    }

    @Test func malformedReasonDoesNotLoseTheBatch() throws {
        let body = #"""
            {"_links":{"next":{"href":"/n"}},"sender":[{"rel":"communication","href":"/c","events":[
              {"link":{"rel":"messagingInvitation","href":"/i"},"type":"completed","status":"Failure",
               "reason":"oops"}]}]}
            """#
        let response = try EventsResponse.decode(json: body.utf8Data)
        #expect(response.events.first?.reason == nil)
        #expect(response.events.first?.isFailedCompletion == true)
        #expect(response.next?.href == "/n")
    }
}
