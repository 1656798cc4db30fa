import Foundation
import Testing
import UCWASimulator

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("continueMessaging")
struct ContinueMessagingTests {
    static let xmlNamespace = "http://schemas.microsoft.com/rtc/2012/03/ucwa"

    @Test("201 with Location and an empty body, then started, added, updated and completed Success events")
    func happyPath() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let text = "Grüße ✓ 100% + more\nline two"
            let pget = await fixture.park(session.eventsHref, token: session.token)
            let posted = try await fixture.postJSON(
                session.continueMessagingHref,
                token: session.token,
                SimulatorFixture.continueMessagingBody(operationId: "op-happy", text: text)
            )
            #expect(posted.status == 201)
            #expect(posted.header("Content-Length") == "0")
            #expect(posted.body.isEmpty)
            let location = try #require(posted.header("Location"))
            #expect(location.hasPrefix(session.applicationHref + "/communication/messagingInvitations/"))

            let first = try await pget.value.json()
            let events = first.events
            #expect(events.map(\.sender) == ["communication", "communication", "conversation"])
            let started = events[0].event
            #expect(started.string("type") == "started")
            #expect(started.object("link")?.string("rel") == "messagingInvitation")
            #expect(started.object("link")?.string("href") == location)
            let invitation = try #require(started.embedded("messagingInvitation"))
            #expect(invitation.string("operationId") == "op-happy")
            #expect(invitation.string("state") == "Connecting")
            #expect(invitation.string("direction") == "Outgoing")
            #expect(invitation.string("importance") == "Normal")
            #expect(invitation.string("threadId") != nil)
            #expect(invitation.string("subject") != nil)
            #expect(invitation.string("rel") == "messagingInvitation")
            for rel in ["self", "from", "to", "conversation", "messaging", "cancel"] {
                #expect(invitation.link(rel) != nil, "link \(rel)")
            }
            #expect(events[1].event.string("type") == "added")
            #expect(events[1].event.object("link")?.string("rel") == "conversation")
            #expect(events[2].event.string("type") == "updated")
            #expect(events[2].event.object("link")?.string("rel") == "messaging")

            let second = try await fixture.get(try #require(first.link("next")), token: session.token).json()
            let completed = try #require(second.events.first { $0.event.string("type") == "completed" })
            #expect(completed.sender == "communication")
            #expect(completed.event.string("status") == "Success")
            #expect(completed.event["reason"] == nil)
            let done = try #require(completed.event.embedded("messagingInvitation"))
            #expect(done.string("operationId") == "op-happy")
            #expect(done.string("state") == "Connected")
            let accepted = done.object("_embedded")?.objects("acceptedByParticipant") ?? []
            #expect(accepted.map { $0.string("uri") } == ["sip:alice@contoso.com"])

            let received = fixture.simulator.receivedContinueMessaging
            #expect(received.count == 1)
            #expect(received.first?.operationId == "op-happy")
            #expect(received.first?.messageText == text)
            #expect(received.first?.conversationLog == session.firstLog)
            #expect(received.first?.httpStatus == 201)
            #expect(received.first?.contentType == "application/json")

            let fetched = try await fixture.get(location, token: session.token).json()
            #expect(fetched.string("state") == "Connected")
        }
    }

    @Test(
        "failure outcomes complete with status Failure and the reason",
        arguments: [
            (InvitationOutcome.declined, "RemoteFailure", "Declined", "Your invitation was declined."),
            (InvitationOutcome.timedOut, "RemoteFailure", "Timeout", nil),
            (
                InvitationOutcome.failure(
                    code: "Forbidden",
                    subcode: "Unreachable",
                    message: "The destination is not reachable"
                ),
                "Forbidden", "Unreachable", "The destination is not reachable"
            ),
        ]
    )
    func failures(outcome: InvitationOutcome, code: String, subcode: String, message: String?) async throws {
        try await SimulatorFixture.run { fixture in
            fixture.simulator.enqueueInvitationOutcomes([outcome])
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            _ = try await fixture.postJSON(
                session.continueMessagingHref,
                token: session.token,
                SimulatorFixture.continueMessagingBody(operationId: "op-fail", text: "x")
            )
            let next = try #require(try await pget.value.json().link("next"))
            let completed = try #require(try await fixture.get(next, token: session.token).json().events.first)
            #expect(completed.event.string("type") == "completed")
            #expect(completed.event.string("status") == "Failure")
            let reason = try #require(completed.event.object("reason"))
            #expect(reason.string("code") == code)
            #expect(reason.string("subcode") == subcode)
            if let message {
                #expect(reason.string("message") == message)
            }
            #expect(completed.event.embedded("messagingInvitation")?.string("state") == "Failed")
            #expect(completed.event.embedded("messagingInvitation")?.string("operationId") == "op-fail")
        }
    }

    @Test("events-before-201 mode writes the started event to the parked P-GET before answering the POST")
    func eventsBeforeResponse() async throws {
        try await SimulatorFixture.run {
            $0.invitationEventOrder = .beforeResponse
        } _: { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            let posted = try await fixture.postJSON(
                session.continueMessagingHref,
                token: session.token,
                SimulatorFixture.continueMessagingBody(operationId: "op-early", text: "x")
            )
            #expect(posted.status == 201)
            #expect(fixture.simulator.counters.pGetsServed == 1, "the P-GET was answered before the 201")
            let started = try await pget.value.json().events.first?.event
            #expect(started?.string("type") == "started")
            #expect(started?.embedded("messagingInvitation")?.string("operationId") == "op-early")
        }
    }

    @Test("completed-only mode emits a completed event and no started")
    func completedOnly() async throws {
        try await SimulatorFixture.run {
            $0.completedOnly = true
        } _: { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            _ = try await fixture.postJSON(
                session.continueMessagingHref,
                token: session.token,
                SimulatorFixture.continueMessagingBody(operationId: "op-agg", text: "x")
            )
            let events = try await pget.value.json().events
            #expect(events.filter { $0.event.string("type") == "started" }.isEmpty)
            let completed = try #require(events.first)
            #expect(completed.event.string("type") == "completed")
            #expect(completed.event.embedded("messagingInvitation")?.string("operationId") == "op-agg")
        }
    }

    @Test("an outcome delay holds the completed event until the clock passes it")
    func outcomeDelay() async throws {
        try await SimulatorFixture.run {
            $0.outcomeDelay = .seconds(20)
        } _: { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            _ = try await fixture.postJSON(
                session.continueMessagingHref,
                token: session.token,
                SimulatorFixture.continueMessagingBody(operationId: "op-slow", text: "x")
            )
            let next = try #require(try await pget.value.json().link("next"))
            let second = await fixture.park(next, token: session.token, sleepersBefore: 1)
            fixture.clock.advance(by: .seconds(20))
            let events = try await second.value.json().events
            #expect(events.first?.event.string("type") == "completed")
        }
    }

    @Test("XML input is accepted, with a percent-encoded data: URI")
    func xmlInput() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            let body =
                #"<?xml version="1.0" encoding="utf-8"?><input xmlns="\#(Self.xmlNamespace)">"#
                + #"<property name="operationId">op-xml</property>"#
                + #"<link rel="message" href="data:text/plain;charset=utf-8,Hi+Tosh%21%0d%0a"/></input>"#
            let posted = try await fixture.request(
                .POST,
                session.continueMessagingHref,
                token: session.token,
                body: body,
                contentType: "application/vnd.microsoft.com.ucwa+xml"
            )
            #expect(posted.status == 201)
            let started = try await pget.value.json().events.first?.event
            #expect(started?.embedded("messagingInvitation")?.string("operationId") == "op-xml")
            let received = try #require(fixture.simulator.receivedContinueMessaging.first)
            #expect(received.messageText == "Hi Tosh!\r\n")
            #expect(received.contentType == "application/vnd.microsoft.com.ucwa+xml")
        }
    }

    @Test("events are written as XML when the P-GET asks for XML")
    func xmlEvents() async throws {
        try await SimulatorFixture.run { fixture in
            fixture.simulator.enqueueInvitationOutcomes([.declined])
            let session = try await fixture.openSession()
            let accept = "application/vnd.microsoft.com.ucwa+xml"
            let pget = await fixture.park(session.eventsHref, token: session.token, accept: accept)
            _ = try await fixture.postJSON(
                session.continueMessagingHref,
                token: session.token,
                SimulatorFixture.continueMessagingBody(operationId: "op-x", text: "x")
            )
            let first = try await pget.value
            #expect(first.header("Content-Type")?.hasPrefix(accept) == true)
            #expect(Self.isWellFormed(first.body))
            let xml = first.text
            #expect(xml.contains(#"<events href="\#(session.eventsHref)" xmlns="\#(Self.xmlNamespace)">"#))
            let next = session.applicationHref + "/events?ack=2"
            #expect(xml.contains(#"<link rel="next" href="\#(next)"/>"#))
            #expect(xml.contains(#"<sender rel="communication" href="\#(session.applicationHref)/communication">"#))
            #expect(xml.contains(#"<started rel="messagingInvitation" href=""#))
            #expect(xml.contains(#"<resource rel="messagingInvitation" href=""#))
            #expect(xml.contains(#"<property name="operationId">op-x</property>"#))

            let second = try await fixture.get(next, token: session.token, accept: accept)
            #expect(Self.isWellFormed(second.body))
            #expect(second.text.contains(#"<completed rel="messagingInvitation""#))
            #expect(second.text.contains(#"<property name="status">Failure</property>"#))
            #expect(
                second.text.contains(
                    "<reason><code>RemoteFailure</code><subcode>Declined</subcode>"
                        + "<message>Your invitation was declined.</message></reason>"
                )
            )
        }
    }

    @Test("errors are written as XML reason documents when the client asks for XML")
    func xmlErrors() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let response = try await fixture.request(
                .POST,
                session.continueMessagingHref,
                token: session.token,
                body: SimulatorFixture.continueMessagingBody(operationId: "op", text: "x"),
                contentType: "application/json",
                accept: "application/xml"
            )
            #expect(response.status == 500)
            #expect(response.header("Content-Type") == "application/xml; charset=utf-8")
            #expect(Self.isWellFormed(response.body))
            #expect(
                response.text.contains(
                    #"<reason xmlns="\#(Self.xmlNamespace)"><code>ServiceFailure</code>"#
                        + "<subcode>CallbackChannelError</subcode>"
                )
            )
        }
    }

    @Test("without a parked P-GET the POST answers 500 ServiceFailure/CallbackChannelError, after a short grace")
    func callbackChannelError() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let body = SimulatorFixture.continueMessagingBody(operationId: "op-cb", text: "x")
            let refused = try await fixture.postJSON(session.continueMessagingHref, token: session.token, body)
            #expect(refused.status == 500)
            #expect(try refused.json().string("code") == "ServiceFailure")
            #expect(try refused.json().string("subcode") == "CallbackChannelError")

            let pget = await fixture.park(session.eventsHref, token: session.token)
            fixture.clock.advance(by: .seconds(180))
            _ = try await pget.value
            let withinGrace = try await fixture.postJSON(session.continueMessagingHref, token: session.token, body)
            #expect(withinGrace.status == 201)
            fixture.clock.advance(by: .milliseconds(1001))
            let afterGrace = try await fixture.postJSON(session.continueMessagingHref, token: session.token, body)
            #expect(afterGrace.status == 500)
            #expect(fixture.simulator.receivedContinueMessaging.map(\.httpStatus) == [500, 201, 500])
        }
    }

    @Test(
        "invalid requests are refused",
        arguments: [
            (
                #"{"operationId":"\#(String(repeating: "a", count: 51))"}"#, "application/json", 400,
                "ParameterValidationFailure"
            ),
            (#"{"operationId":"#, "application/json", 400, "DeserializationFailure"),
            (#"<input><property name="operationId">x"#, "application/xml", 400, "DeserializationFailure"),
            (
                #"{"_links":{"message":{"href":"http://example.com"}}}"#, "application/json", 400,
                "ParameterValidationFailure"
            ),
            ("hello", "text/plain", 415, nil),
        ]
    )
    func invalidRequests(body: String, contentType: String, status: Int, subcode: String?) async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            let response = try await fixture.request(
                .POST,
                session.continueMessagingHref,
                token: session.token,
                body: body,
                contentType: contentType
            )
            #expect(response.status == status)
            if let subcode {
                #expect(try response.json().string("subcode") == subcode)
            }
            #expect(fixture.simulator.counters.invitationsStarted == 0)
            #expect(fixture.simulator.receivedContinueMessaging.first?.httpStatus == status)
            fixture.clock.advance(by: .seconds(180))
            _ = try await pget.value
        }
    }

    @Test("a 50-character operationId and an empty body are accepted")
    func limits() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            let id = String(repeating: "a", count: 50)
            let accepted = try await fixture.postJSON(
                session.continueMessagingHref,
                token: session.token,
                #"{"operationId":"\#(id)"}"#
            )
            #expect(accepted.status == 201)
            _ = try await pget.value
            let empty = try await fixture.request(.POST, session.continueMessagingHref, token: session.token, body: "")
            #expect(empty.status == 201)
        }
    }

    @Test("an unknown conversation log answers 404")
    func unknownLog() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let href = session.conversationLogsHref + "/nope/continueMessaging"
            let response = try await fixture.postJSON(href, token: session.token, #"{"operationId":"x"}"#)
            #expect(response.status == 404)
            #expect(try response.json().string("code") == "NotFound")
            #expect(try await fixture.get(session.conversationLogsHref + "/nope", token: session.token).status == 404)
        }
    }

    @Test("the recorder keeps duplicates in order")
    func duplicatesRecorded() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            let body = SimulatorFixture.continueMessagingBody(operationId: "op-dup", text: "same")
            #expect(try await fixture.postJSON(session.continueMessagingHref, token: session.token, body).status == 201)
            _ = try await pget.value
            #expect(try await fixture.postJSON(session.continueMessagingHref, token: session.token, body).status == 201)
            let received = fixture.simulator.receivedContinueMessaging
            #expect(received.map(\.operationId) == ["op-dup", "op-dup"])
            #expect(received.map(\.sequence) == [1, 2])
            #expect(received.map(\.messageText) == ["same", "same"])
            #expect(fixture.simulator.counters.continueMessagingReceived == 2)
        }
    }

    static func isWellFormed(_ bytes: [UInt8]) -> Bool {
        XMLParser(data: Data(bytes)).parse()
    }
}
