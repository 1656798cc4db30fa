import Foundation
import Testing
import UCWA

@Suite struct MsRtcOAuthChallengeTests {
    @Test func separateHeaders() throws {
        let challenge = try MsRtcOAuthChallenge(
            wwwAuthenticate: [Fixtures.bearerChallenge, Fixtures.msRtcOAuthChallenge]
        )
        #expect(challenge.href.absoluteString == "https://lyncweb.contoso.com/WebTicket/oauthtoken")
        #expect(challenge.grantTypes == [.windows, .anonymousMeeting, .password])
        #expect(challenge.offersPasswordGrant)
    }

    @Test func combinedWithBearerInOneValue() throws {
        let challenge = try MsRtcOAuthChallenge(wwwAuthenticate: [Fixtures.combinedChallenge])
        #expect(challenge.href.absoluteString == "https://lyncweb.contoso.com/WebTicket/oauthtoken")
        #expect(challenge.grantTypes == [GrantType(rawValue: "…")])
        #expect(!challenge.offersPasswordGrant)
    }

    @Test func combinedWithBearerAndRealGrantTypes() throws {
        let value =
            #"Bearer trusted_issuers="00000002-0000-0ff1-ce00-000000000000@contoso.com", "#
            + #"client_id="00000004-0000-0ff1-ce00-000000000000","#
            + #"MsRtcOAuth href="https://lyncweb.contoso.com/WebTicket/oauthtoken","#
            + #"grant_type="urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password""#
        let challenge = try MsRtcOAuthChallenge(wwwAuthenticate: [value])
        #expect(challenge.grantTypes == [.windows, .anonymousMeeting, .password])
    }

    @Test func unquotedHref() throws {
        let challenge = try MsRtcOAuthChallenge(wwwAuthenticate: [Fixtures.unquotedHrefChallenge])
        #expect(challenge.href.absoluteString == "https://contoso.com/WebTicket/oauthtoken")
        #expect(challenge.grantTypes == [GrantType(rawValue: "...")])
    }

    @Test func unquotedHrefWithPasswordGrantAndSpaces() throws {
        let value =
            #"msrtcoauth  href = https://contoso.com/WebTicket/oauthtoken , "#
            + #"grant_type = "password , urn:microsoft.rtc:passive""#
        let challenge = try MsRtcOAuthChallenge(wwwAuthenticate: ["Negotiate", value])
        #expect(challenge.href.absoluteString == "https://contoso.com/WebTicket/oauthtoken")
        #expect(challenge.grantTypes == [.password, .passive])
    }

    @Test func challengeWithoutGrantTypes() throws {
        let challenge = try MsRtcOAuthChallenge(wwwAuthenticate: [#"MsRtcOAuth href="https://x.example/t""#])
        #expect(challenge.grantTypes.isEmpty)
    }

    @Test(arguments: [
        [Fixtures.bearerChallenge],
        [],
        [""],
        ["Basic realm=\"x\""],
        ["Bearer msrtcoauth=\"x\""],
        ["Bearer error=\"MsRtcOAuth href=https://evil.example/\""],
    ])
    func noMsRtcOAuthChallenge(values: [String]) throws {
        let error = try #require(throws: AuthenticationChallengeError.self) {
            try MsRtcOAuthChallenge(wwwAuthenticate: values)
        }
        #expect(error.code == .noMsRtcOAuthChallenge)
    }

    @Test func missingHref() throws {
        let error = try #require(throws: AuthenticationChallengeError.self) {
            try MsRtcOAuthChallenge(wwwAuthenticate: [#"MsRtcOAuth grant_type="password""#])
        }
        #expect(error.code == .missingHref)
    }

    @Test(arguments: ["/WebTicket/oauthtoken", "ftp://x/t", "\"\"x"])
    func invalidHref(href: String) throws {
        let error = try #require(throws: AuthenticationChallengeError.self) {
            try MsRtcOAuthChallenge(wwwAuthenticate: ["MsRtcOAuth href=\(href),grant_type=\"password\""])
        }
        #expect(error.code == .invalidHref || error.code == .missingHref)
    }

    @Test(arguments: [
        "MsRtcOAuth href=\"unterminated", "MsRtcOAuth ===,,,\"", "\"\"\",,==MsRtcOAuth", "MsRtcOAuth href",
    ])
    func garbageNeverCrashes(value: String) {
        #expect(throws: AuthenticationChallengeError.self) {
            try MsRtcOAuthChallenge(wwwAuthenticate: [value])
        }
    }
}
