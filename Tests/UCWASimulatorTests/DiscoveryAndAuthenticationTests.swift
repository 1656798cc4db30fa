import Foundation
import Testing
import UCWASimulator

@Suite("Discovery and authentication")
struct DiscoveryAndAuthenticationTests {
    @Test("the root answers self, user and xframe as absolute links on both root paths")
    func rootLinks() async throws {
        try await SimulatorFixture.run { fixture in
            for path in ["/", "/Autodiscover/AutodiscoverService.svc/root"] {
                let response = try await fixture.get(path)
                #expect(response.status == 200)
                #expect(response.header("Content-Type") == "application/json; charset=utf-8")
                #expect(response.header("X-MS-UcwaVersion") != nil)
                let root = try response.json()
                let user = try #require(root.link("user"))
                #expect(user.hasPrefix(fixture.origin + "/Autodiscover/AutodiscoverService.svc/root/oauth/user"))
                #expect(root.link("self")?.hasPrefix(fixture.origin) == true)
                #expect(root.link("xframe") == fixture.origin + "/Autodiscover/XFrame/XFrame.html")
            }
            #expect(fixture.simulator.discoveryURL.absoluteString.hasPrefix(fixture.origin))
        }
    }

    @Test("user without a token answers 401 with two WWW-Authenticate headers and an HTML body")
    func separateChallenge() async throws {
        try await SimulatorFixture.run { fixture in
            let response = try await fixture.get("/Autodiscover/AutodiscoverService.svc/root/oauth/user")
            #expect(response.status == 401)
            #expect(response.header("Content-Type") == "text/html")
            #expect(response.text.contains("<html>"))
            let challenges = response.headers["WWW-Authenticate"]
            #expect(challenges.count == 2)
            #expect(challenges.first?.hasPrefix("Bearer trusted_issuers=") == true)
            #expect(
                challenges.last
                    == "MsRtcOAuth href=\"\(fixture.origin)/WebTicket/oauthtoken\","
                    + "grant_type=\"urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password\""
            )
        }
    }

    @Test("the combined challenge style puts both schemes in one header value")
    func combinedChallenge() async throws {
        try await SimulatorFixture.run {
            $0.challengeStyle = .combinedHeader
        } _: { fixture in
            let response = try await fixture.get("/Autodiscover/AutodiscoverService.svc/root/oauth/user")
            #expect(response.status == 401)
            let challenges = response.headers["WWW-Authenticate"]
            #expect(challenges.count == 1)
            let value = try #require(challenges.first)
            #expect(value.hasPrefix("Bearer trusted_issuers="))
            #expect(value.contains(",MsRtcOAuth href=\"\(fixture.origin)/WebTicket/oauthtoken\",grant_type=\""))
        }
    }

    @Test("the redirect hop sends the client to a second root on the same origin, which answers normally")
    func redirectHop() async throws {
        try await SimulatorFixture.run {
            $0.redirectHop = true
        } _: { fixture in
            let first = try await fixture.get("/Autodiscover/AutodiscoverService.svc/root").json()
            #expect(first.link("user") == nil)
            let redirect = try #require(first.link("redirect"))
            #expect(redirect.hasPrefix(fixture.origin + "/"))
            #expect(redirect != fixture.origin + "/Autodiscover/AutodiscoverService.svc/root")
            let second = try await fixture.get(redirect).json()
            #expect(second.link("redirect") == nil)
            let user = try #require(second.link("user"))
            let token = try await fixture.token()
            let authenticated = try await fixture.get(user, token: token)
            #expect(authenticated.status == 200)
        }
    }

    @Test("after the password grant, user answers the absolute applications link")
    func userAfterAuthentication() async throws {
        try await SimulatorFixture.run { fixture in
            let token = try await fixture.token()
            #expect(token.hasPrefix("cwt="))
            let user = try await fixture.get("/Autodiscover/AutodiscoverService.svc/root/oauth/user", token: token)
            #expect(user.status == 200)
            #expect(try user.json().link("applications") == fixture.origin + "/ucwa/oauth/v1/applications")
            #expect(fixture.simulator.counters.tokensIssued == 1)
        }
    }

    @Test("the token response carries token_type Bearer and the configured expires_in")
    func tokenResponse() async throws {
        try await SimulatorFixture.run {
            $0.tokenLifetime = .seconds(3600)
        } _: { fixture in
            let response = try await fixture.request(
                .POST,
                "/WebTicket/oauthtoken",
                body: "grant_type=password&username=bridge%40contoso.com&password=simulator",
                contentType: "application/x-www-form-urlencoded;charset=UTF-8"
            )
            #expect(response.status == 200)
            let body = try response.json()
            #expect(body.string("token_type") == "Bearer")
            #expect(body["expires_in"] as? Int == 3600)
            #expect(body.string("access_token")?.hasPrefix("cwt=") == true)
        }
    }

    @Test("form fields are percent-decoded with + as a space")
    func formDecoding() async throws {
        let user = SimulatedUser(
            username: "lenea@contoso.com",
            password: "pass word+&=1%",
            sipURI: "sip:lenea@contoso.com",
            displayName: "Lene Aaling"
        )
        try await SimulatorFixture.run {
            $0.users = [user]
        } _: { fixture in
            _ = try await fixture.token(username: "LeneA@contoso.com", password: "pass word+&=1%")
            #expect(fixture.simulator.counters.tokensIssued == 1)
        }
    }

    @Test(
        "bad token requests answer 400 with the OAuth error",
        arguments: [
            ("grant_type=password&username=bridge%40contoso.com&password=wrong", "invalid_grant"),
            ("grant_type=password&username=nobody%40contoso.com&password=simulator", "invalid_grant"),
            ("grant_type=urn%3Amicrosoft.rtc%3Awindows", "unsupported_grant_type"),
            ("grant_type=password&username=bridge%40contoso.com", "invalid_request"),
            ("username=bridge%40contoso.com&password=simulator", "invalid_request"),
        ]
    )
    func badTokenRequests(body: String, error: String) async throws {
        try await SimulatorFixture.run { fixture in
            let response = try await fixture.request(
                .POST,
                "/WebTicket/oauthtoken",
                body: body,
                contentType: "application/x-www-form-urlencoded"
            )
            #expect(response.status == 400)
            #expect(try response.json().string("error") == error)
            #expect(fixture.simulator.counters.tokensIssued == 0)
        }
    }

    @Test("a token stops working after expires_in on the injected clock")
    func tokenExpiry() async throws {
        try await SimulatorFixture.run {
            $0.tokenLifetime = .seconds(600)
        } _: { fixture in
            let session = try await fixture.openSession()
            fixture.clock.advance(by: .seconds(599))
            #expect(try await fixture.get(session.applicationHref, token: session.token).status == 200)
            fixture.clock.advance(by: .seconds(1))
            let expired = try await fixture.get(session.applicationHref, token: session.token)
            #expect(expired.status == 401)
            #expect(expired.headers["WWW-Authenticate"].contains { $0.hasPrefix("MsRtcOAuth href=") })
            let renewed = try await fixture.token()
            #expect(try await fixture.get(session.applicationHref, token: renewed).status == 200)
        }
    }

    @Test("expireTokensNow makes every UCWA request answer 401; unknown and missing tokens do too")
    func tokenExpiryNowAndUnknownTokens() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            fixture.simulator.expireTokensNow()
            #expect(try await fixture.get(session.applicationHref, token: session.token).status == 401)
            #expect(try await fixture.get(session.eventsHref, token: session.token).status == 401)
            #expect(try await fixture.get(session.firstLog, token: "cwt=forged").status == 401)
            #expect(try await fixture.get(session.conversationLogsHref).status == 401)
        }
    }
}
