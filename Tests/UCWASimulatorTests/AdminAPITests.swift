import Testing
import UCWASimulator

@Suite("Admin API")
struct AdminAPITests {
    @Test("faults scripted over HTTP apply to the next calls; bad input answers 400")
    func faults() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let scripted = try await fixture.postJSON(
                "/_sim/faults",
                #"{"endpoint":"conversationLog","fault":"cannotRedirect","count":1}"#
            )
            #expect(scripted.status == 204)
            let faulted = try await fixture.get(session.firstLog, token: session.token)
            #expect(faulted.status == 410)
            #expect(try faulted.json().string("subcode") == "CannotRedirect")
            #expect(try await fixture.get(session.firstLog, token: session.token).status == 200)

            let unknown = try await fixture.postJSON("/_sim/faults", #"{"endpoint":"nowhere","fault":"badGateway"}"#)
            #expect(unknown.status == 400)
            #expect(try unknown.json().string("error")?.contains("continueMessaging") == true)
            #expect(try await fixture.postJSON("/_sim/faults", "[1]").status == 400)

            _ = try await fixture.postJSON("/_sim/faults", #"{"endpoint":"root","fault":"badGateway","count":5}"#)
            #expect(try await fixture.request(.DELETE, "/_sim/faults").status == 204)
            #expect(try await fixture.get("/").status == 200)
            #expect(try await fixture.get("/_sim/nothing").status == 404)
        }
    }

    @Test("received and counters are readable over HTTP")
    func receivedAndCounters() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            let body = SimulatorFixture.continueMessagingBody(operationId: "op-a", text: "hello admin")
            _ = try await fixture.postJSON(session.continueMessagingHref, token: session.token, body)
            _ = try await pget.value
            _ = try await fixture.postJSON(session.continueMessagingHref, token: session.token, body)

            let received = try await fixture.get("/_sim/received").json().objects("continueMessaging")
            #expect(received.count == 2)
            #expect(received.map { $0.string("operationId") } == ["op-a", "op-a"])
            #expect(received.first?.string("messageText") == "hello admin")
            #expect(received.first?.string("conversationLog") == session.firstLog)
            #expect(received.first?["httpStatus"] as? Int == 201)
            #expect(received.first?["connectionClosed"] as? Bool == false)

            let counters = try await fixture.get("/_sim/counters").json()
            #expect(counters["applicationsCreated"] as? Int == 1)
            #expect(counters["tokensIssued"] as? Int == 1)
            #expect(counters["pGetsServed"] as? Int == 1)
            #expect(counters["continueMessagingReceived"] as? Int == 2)

            let applications = try await fixture.get("/_sim/applications").json().objects("applications")
            #expect(applications.first?.string("href") == session.applicationHref)

            #expect(try await fixture.request(.DELETE, "/_sim/received").status == 204)
            #expect(try await fixture.get("/_sim/received").json().objects("continueMessaging").isEmpty)
        }
    }

    @Test("outcomes and invitation modes are scriptable over HTTP")
    func outcomesAndModes() async throws {
        try await SimulatorFixture.run { fixture in
            let queued = try await fixture.postJSON(
                "/_sim/outcomes",
                #"{"outcomes":[{"kind":"failure","code":"RemoteFailure","subcode":"Busy","message":"Busy."}]}"#
            )
            #expect(queued.status == 204)
            #expect(try await fixture.postJSON("/_sim/invitation-script", #"{"completedOnly":true}"#).status == 204)
            #expect(try await fixture.postJSON("/_sim/outcomes", #"{"outcomes":[{"kind":"maybe"}]}"#).status == 400)
            #expect(try await fixture.postJSON("/_sim/invitation-script", #"{"order":"sideways"}"#).status == 400)

            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            _ = try await fixture.postJSON(
                session.continueMessagingHref,
                token: session.token,
                SimulatorFixture.continueMessagingBody(operationId: "op-busy", text: "x")
            )
            let events = try await pget.value.json().events
            #expect(events.count == 1)
            #expect(events.first?.event.string("status") == "Failure")
            #expect(events.first?.event.object("reason")?.string("subcode") == "Busy")
        }
    }

    @Test("token expiry, application expiry and transient reset are triggerable over HTTP")
    func triggers() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            #expect(try await fixture.request(.POST, "/_sim/transient-state/reset").status == 204)
            #expect(try await pget.value.json().link("resume") != nil)

            #expect(try await fixture.request(.POST, "/_sim/applications/expire").status == 204)
            #expect(try await fixture.get(session.applicationHref, token: session.token).status == 404)

            #expect(try await fixture.request(.POST, "/_sim/tokens/expire").status == 204)
            #expect(try await fixture.get(session.applicationHref, token: session.token).status == 401)
        }
    }
}
