import Testing
import UCWASimulator

@Suite("Applications")
struct ApplicationTests {
    static let applications = "/ucwa/oauth/v1/applications"

    @Test("POST applications answers 201 with the documented shape and relative hrefs")
    func createShape() async throws {
        try await SimulatorFixture.run { fixture in
            let token = try await fixture.token()
            let response = try await fixture.postJSON(
                Self.applications,
                token: token,
                #"{"culture":"en-US","endpointId":"e-1","userAgent":"tests"}"#
            )
            #expect(response.status == 201)
            let application = try response.json()
            #expect(application.string("culture") == "en-US")
            #expect(application.string("userAgent") == "tests")
            #expect(application.string("rel") == "application")
            let href = try #require(application.link("self"))
            #expect(href.hasPrefix("/ucwa/oauth/v1/applications/"))
            #expect(application.link("policies") == href + "/policies")
            #expect(application.link("batch") == href + "/batch")
            #expect(application.link("events") == href + "/events?ack=1")
            let me = try #require(application.embedded("me"))
            #expect(me.string("uri") == SimulatedUser.default.sipURI)
            #expect(me.string("name") == SimulatedUser.default.displayName)
            let communication = try #require(application.embedded("communication"))
            #expect(communication.link("conversationLogs") == href + "/communication/conversationLogs")
            #expect(communication.link("startMessaging") == href + "/communication/messagingInvitations")
            #expect(communication.link("self") == href + "/communication")
            #expect(fixture.simulator.counters.applicationsCreated == 1)
        }
    }

    @Test("the same endpointId answers 200 with the same application; PascalCase keys are accepted")
    func sameEndpoint() async throws {
        try await SimulatorFixture.run { fixture in
            let token = try await fixture.token()
            let first = try await fixture.postJSON(
                Self.applications,
                token: token,
                #"{"culture":"en-US","endpointId":"e-1","userAgent":"tests"}"#
            )
            let second = try await fixture.postJSON(
                Self.applications,
                token: token,
                #"{"Culture":"en-US","EndpointId":"e-1","UserAgent":"tests"}"#
            )
            #expect(first.status == 201)
            #expect(second.status == 200)
            #expect(try first.json().link("self") == second.json().link("self"))
            let other = try await fixture.postJSON(
                Self.applications,
                token: token,
                #"{"UserAgent":"tests","EndpointId":"e-2","Culture":"en-US"}"#
            )
            #expect(other.status == 201)
            #expect(try other.json().link("self") != first.json().link("self"))
            #expect(fixture.simulator.counters.applicationsCreated == 2)
        }
    }

    @Test("the application limit answers 410 Gone/TooManyApplications; an existing endpoint still answers 200")
    func limit() async throws {
        try await SimulatorFixture.run {
            $0.applicationLimit = 2
        } _: { fixture in
            let token = try await fixture.token()
            for endpoint in ["a", "b"] {
                let response = try await fixture.postJSON(
                    Self.applications,
                    token: token,
                    #"{"culture":"en-US","endpointId":"\#(endpoint)","userAgent":"tests"}"#
                )
                #expect(response.status == 201)
            }
            let refused = try await fixture.postJSON(
                Self.applications,
                token: token,
                #"{"culture":"en-US","endpointId":"c","userAgent":"tests"}"#
            )
            #expect(refused.status == 410)
            #expect(try refused.json().string("code") == "Gone")
            #expect(try refused.json().string("subcode") == "TooManyApplications")
            let existing = try await fixture.postJSON(
                Self.applications,
                token: token,
                #"{"culture":"en-US","endpointId":"a","userAgent":"tests"}"#
            )
            #expect(existing.status == 200)
        }
    }

    @Test(
        "invalid bodies answer 400",
        arguments: [
            (#"{"culture":"en-US","userAgent":"tests"}"#, "ParameterValidationFailure"),
            (#"{"culture":"en-US","endpointId":"e","userAgent":""}"#, "ParameterValidationFailure"),
            (
                #"{"culture":"en-US","endpointId":"\#(String(repeating: "x", count: 101))","userAgent":"t"}"#,
                "ParameterValidationFailure"
            ),
            (#"{"culture":"en-US","endpointId":"#, "DeserializationFailure"),
            ("[]", "DeserializationFailure"),
        ]
    )
    func invalidBodies(body: String, subcode: String) async throws {
        try await SimulatorFixture.run { fixture in
            let token = try await fixture.token()
            let response = try await fixture.postJSON(Self.applications, token: token, body)
            #expect(response.status == 400)
            let error = try response.json()
            #expect(error.string("code") == "BadRequest")
            #expect(error.string("subcode") == subcode)
            #expect(fixture.simulator.counters.applicationsCreated == 0)
        }
    }

    @Test("a 100-character endpointId is accepted")
    func maximumLength() async throws {
        try await SimulatorFixture.run { fixture in
            let token = try await fixture.token()
            let endpoint = String(repeating: "x", count: 100)
            let response = try await fixture.postJSON(
                Self.applications,
                token: token,
                #"{"culture":"en-US","endpointId":"\#(endpoint)","userAgent":"tests"}"#
            )
            #expect(response.status == 201)
        }
    }

    @Test("GET application answers it; DELETE answers 204 and the application is gone")
    func getAndDelete() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let fetched = try await fixture.get(session.applicationHref, token: session.token)
            #expect(fetched.status == 200)
            #expect(try fetched.json().link("self") == session.applicationHref)
            let deleted = try await fixture.request(.DELETE, session.applicationHref, token: session.token)
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)
            for href in [session.applicationHref, session.eventsHref, session.firstLog] {
                let gone = try await fixture.get(href, token: session.token)
                #expect(gone.status == 404)
                #expect(try gone.json().string("subcode") == "ApplicationNotFound")
            }
            #expect(fixture.simulator.applications.isEmpty)
        }
    }

    @Test("another user's application is not found")
    func otherUser() async throws {
        let other = SimulatedUser(
            username: "eve@contoso.com",
            password: "pw",
            sipURI: "sip:eve@contoso.com",
            displayName: "Eve"
        )
        try await SimulatorFixture.run {
            $0.users = [.default, other]
        } _: { fixture in
            let session = try await fixture.openSession()
            let eve = try await fixture.token(username: "eve@contoso.com", password: "pw")
            #expect(try await fixture.get(session.applicationHref, token: eve).status == 404)
        }
    }
}
