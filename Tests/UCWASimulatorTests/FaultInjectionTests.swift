import AsyncHTTPClient
import Testing
import UCWASimulator

@Suite("Fault injection")
struct FaultInjectionTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        var fault: SimulatedFault
        var status: Int
        var code: String?
        var subcode: String?
        var testDescription: String { fault.rawValue }
    }

    static let answering: [Expectation] = [
        .init(fault: .badRequest, status: 400, code: "BadRequest", subcode: "ParameterValidationFailure"),
        .init(fault: .forbidden, status: 403, code: "Forbidden", subcode: "None"),
        .init(fault: .alreadyExists, status: 409, code: "Conflict", subcode: "AlreadyExists"),
        .init(fault: .tooManyGroups, status: 409, code: "Conflict", subcode: "TooManyGroups"),
        .init(fault: .conflictNone, status: 409, code: "Conflict", subcode: "None"),
        .init(fault: .cannotRedirect, status: 410, code: "Gone", subcode: "CannotRedirect"),
        .init(fault: .inactiveApplicationExpired, status: 410, code: "Gone", subcode: "InactiveApplicationExpired"),
        .init(fault: .userAgentNotAllowed, status: 410, code: "Gone", subcode: "UserAgentNotAllowed"),
        .init(fault: .applicationNotFound, status: 404, code: "NotFound", subcode: "ApplicationNotFound"),
        .init(fault: .tooManyRequests, status: 429, code: "TooManyRequests", subcode: nil),
        .init(fault: .callbackChannelError, status: 500, code: "ServiceFailure", subcode: "CallbackChannelError"),
        .init(fault: .serviceFailureWithoutBody, status: 500, code: nil, subcode: nil),
        .init(fault: .badGateway, status: 502, code: nil, subcode: nil),
        .init(fault: .serviceUnavailable, status: 503, code: nil, subcode: nil),
    ]

    @Test("each answering fault on continueMessaging answers once, with its status and body", arguments: answering)
    func answeringFaults(expected: Expectation) async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            fixture.simulator.injectFault(expected.fault, at: .continueMessaging)
            let body = SimulatorFixture.continueMessagingBody(operationId: "op-f", text: "x")
            let faulted = try await fixture.postJSON(session.continueMessagingHref, token: session.token, body)
            #expect(faulted.status == expected.status)
            if let code = expected.code {
                #expect(faulted.header("Content-Type") == "application/json; charset=utf-8")
                #expect(try faulted.json().string("code") == code)
                if let subcode = expected.subcode {
                    #expect(try faulted.json().string("subcode") == subcode)
                }
            } else if expected.fault == .serviceFailureWithoutBody {
                #expect(faulted.header("Content-Type") == "text/html")
            } else {
                #expect(faulted.body.isEmpty)
            }
            #expect(fixture.simulator.counters.invitationsStarted == 0)
            let normal = try await fixture.postJSON(session.continueMessagingHref, token: session.token, body)
            #expect(normal.status == 201)
            #expect(fixture.simulator.receivedContinueMessaging.map(\.httpStatus) == [expected.status, 201])
            _ = try await pget.value
        }
    }

    @Test("every endpoint can be faulted", arguments: SimulatedEndpoint.allCases)
    func everyEndpoint(endpoint: SimulatedEndpoint) async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let call: () async throws -> TestResponse = {
                switch endpoint {
                case .root:
                    return try await fixture.get("/")
                case .user:
                    return try await fixture.get(
                        "/Autodiscover/AutodiscoverService.svc/root/oauth/user",
                        token: session.token
                    )
                case .token:
                    return try await fixture.request(
                        .POST,
                        "/WebTicket/oauthtoken",
                        body: "grant_type=password&username=bridge%40contoso.com&password=simulator",
                        contentType: "application/x-www-form-urlencoded"
                    )
                case .applications:
                    return try await fixture.postJSON(
                        "/ucwa/oauth/v1/applications",
                        token: session.token,
                        #"{"culture":"en-US","endpointId":"other","userAgent":"t"}"#
                    )
                case .application:
                    return try await fixture.get(session.applicationHref, token: session.token)
                case .events:
                    return try await fixture.get(session.applicationHref + "/events?ack=99", token: session.token)
                case .conversationLogs:
                    return try await fixture.get(session.conversationLogsHref, token: session.token)
                case .conversationLog:
                    return try await fixture.get(session.firstLog, token: session.token)
                case .continueMessaging:
                    return try await fixture.postJSON(session.continueMessagingHref, token: session.token, "{}")
                }
            }
            fixture.simulator.injectFault(.serviceUnavailable, at: endpoint, count: 2)
            #expect(try await call().status == 503)
            #expect(try await call().status == 503)
            #expect(try await call().status != 503)
        }
    }

    @Test("connection closed: no answer, no effect, recorded as closed")
    func connectionClosed() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            fixture.simulator.injectFault(.connectionClosed, at: .continueMessaging)
            await #expect(throws: (any Error).self) {
                _ = try await fixture.postJSON(
                    session.continueMessagingHref,
                    token: session.token,
                    SimulatorFixture.continueMessagingBody(operationId: "op-lost", text: "x")
                )
            }
            let received = try #require(fixture.simulator.receivedContinueMessaging.first)
            #expect(received.connectionClosed)
            #expect(received.operationId == "op-lost")
            #expect(fixture.simulator.counters.invitationsStarted == 0)
            #expect(fixture.simulator.applications.first?.hasParkedPGet == true)
            fixture.clock.advance(by: .seconds(180))
            #expect(try await pget.value.json().events.isEmpty)
        }
    }

    @Test("accept-then-close: the operation's events still arrive though the POST gets no answer")
    func acceptThenClose() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            fixture.simulator.injectFault(.acceptThenClose, at: .continueMessaging)
            await #expect(throws: (any Error).self) {
                _ = try await fixture.postJSON(
                    session.continueMessagingHref,
                    token: session.token,
                    SimulatorFixture.continueMessagingBody(operationId: "op-ambiguous", text: "x")
                )
            }
            let started = try #require(try await pget.value.json().events.first?.event)
            #expect(started.string("type") == "started")
            #expect(started.embedded("messagingInvitation")?.string("operationId") == "op-ambiguous")
            #expect(fixture.simulator.receivedContinueMessaging.first?.connectionClosed == true)
            #expect(fixture.simulator.counters.invitationsStarted == 1)
        }
    }

    @Test("accept-then-close on a P-GET: the lost batch is re-delivered on the same ack")
    func lostEventResponse() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            fixture.simulator.injectFault(.acceptThenClose, at: .events)
            let lost = await fixture.park(session.eventsHref, token: session.token)
            _ = try await fixture.postJSON(
                session.continueMessagingHref,
                token: session.token,
                SimulatorFixture.continueMessagingBody(operationId: "op-r", text: "x")
            )
            await #expect(throws: (any Error).self) { _ = try await lost.value }
            let again = try await fixture.get(session.eventsHref, token: session.token).json()
            #expect(again.events.first?.event.embedded("messagingInvitation")?.string("operationId") == "op-r")
        }
    }

    @Test("probabilistic faults follow the seed")
    func probabilistic() async throws {
        func pattern(seed: UInt64) async throws -> [Int] {
            var statuses: [Int] = []
            try await SimulatorFixture.run {
                $0.faultSeed = seed
            } _: { fixture in
                fixture.simulator.injectFault(.serviceUnavailable, at: .root, probability: 0.5)
                for _ in 0..<24 {
                    statuses.append(try await fixture.get("/").status)
                }
            }
            return statuses
        }
        let first = try await pattern(seed: 42)
        let second = try await pattern(seed: 42)
        #expect(first == second)
        #expect(first.contains(200))
        #expect(first.contains(503))
    }

    @Test("an event delay holds the invitation's first events on the clock")
    func eventDelay() async throws {
        try await SimulatorFixture.run { fixture in
            fixture.simulator.setEventDelay(.seconds(10))
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            let posted = try await fixture.postJSON(
                session.continueMessagingHref,
                token: session.token,
                SimulatorFixture.continueMessagingBody(operationId: "op-late", text: "x")
            )
            #expect(posted.status == 201)
            await fixture.clock.sleepers(atLeast: 2)
            #expect(fixture.simulator.counters.pGetsServed == 0)
            fixture.clock.advance(by: .seconds(10))
            let events = try await pget.value.json().events
            #expect(events.first?.event.string("type") == "started")
        }
    }

    @Test("a never-completing invitation sends started and nothing else")
    func neverCompletes() async throws {
        try await SimulatorFixture.run { fixture in
            fixture.simulator.enqueueInvitationOutcomes([.neverCompletes])
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            _ = try await fixture.postJSON(
                session.continueMessagingHref,
                token: session.token,
                SimulatorFixture.continueMessagingBody(operationId: "op-never", text: "x")
            )
            let next = try #require(try await pget.value.json().link("next"))
            let second = await fixture.park(next, token: session.token)
            fixture.clock.advance(by: .seconds(180))
            #expect(try await second.value.json().events.isEmpty)
        }
    }

    @Test("application expiry now answers the parked P-GET and later requests with 404")
    func expireApplicationsNow() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            fixture.simulator.expireApplicationsNow()
            let released = try await pget.value
            #expect(released.status == 404)
            #expect(try released.json().string("subcode") == "ApplicationNotFound")
            #expect(try await fixture.get(session.applicationHref, token: session.token).status == 404)
        }
    }

    @Test("transient state reset now answers the parked P-GET with resume")
    func resetNow() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            fixture.simulator.resetTransientStateNow()
            let body = try await pget.value.json()
            #expect(body.link("resume") != nil)
            #expect(body.link("next") == nil)
        }
    }
}
