import Foundation
import Testing
import UCWA

@Suite struct DiscoveryAndTokenTests {
    @Test func rootResponseHasUserAndXFrameLinks() throws {
        let root = try DiscoveryDocument.decode(from: Fixtures.rootResponse.utf8Data, contentType: "application/json")
        #expect(
            root.user?.href
                == "https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root/oauth/user"
                + "?originalDomain=contoso.com"
        )
        #expect(root.xframe?.href == "https://lyncweb.contoso.com/Autodiscover/XFrame/XFrame.html")
        #expect(
            root.selfLink?.href
                == "https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root?originalDomain=contoso.com"
        )
        #expect(root.redirect == nil)
        #expect(root.applications == nil)
    }

    @Test func redirectResponseHasOnlyRedirect() throws {
        let root = try DiscoveryDocument.decode(json: Fixtures.redirectResponse.utf8Data)
        #expect(root.redirect?.href == "https://contoso.com/Autodiscover/AutodiscoverService.svc/root")
        #expect(root.links.rels == ["redirect"])
    }

    @Test func userResourceHasApplicationsLink() throws {
        let user = try DiscoveryDocument.decode(json: Fixtures.userResource.utf8Data)
        #expect(user.applications?.href == "https://lyncweb.contoso.com/ucwa/oauth/v1/applications")
        #expect(user.selfLink?.href == "https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root/user")
        #expect(user.user == nil)
    }

    @Test func tokenResponseWithoutScope() throws {
        let token = try TokenResponse.decode(json: Fixtures.tokenResponseShort.utf8Data)
        #expect(token.accessToken == "cwt=2YotnFZFEjr1zCsicMWpAA...")
        #expect(token.tokenType == "Bearer")
        #expect(token.expiresIn == 3600)
        #expect(token.identityScope == nil)
        #expect(token.authorizationHeaderValue == "Bearer cwt=2YotnFZFEjr1zCsicMWpAA...")
    }

    @Test func tokenResponseWithScope() throws {
        let token = try TokenResponse.decode(
            from: Fixtures.tokenResponseWithScope.utf8Data,
            contentType: "application/json; charset=utf-8"
        )
        #expect(token.accessToken == "cwt=AAEB...buHc")
        #expect(token.expiresIn == 28289)
        #expect(token.identityScope == "local")
    }

    @Test func tokenResponseAcceptsNumericStringExpiry() throws {
        let token = try TokenResponse.decode(json: #"{"access_token":"cwt=x","expires_in":"600"}"#.utf8Data)
        #expect(token.expiresIn == 600)
        #expect(token.tokenType == "Bearer")
    }

    @Test func tokenResponseNeverShowsTheToken() throws {
        let token = try TokenResponse.decode(json: Fixtures.tokenResponseWithScope.utf8Data)
        var dumped = ""
        dump(token, to: &dumped)
        for text in [String(describing: token), String(reflecting: token), "\(token)", dumped] {
            #expect(!text.contains("AAEB"))
            #expect(text.contains("<redacted>"))
        }
    }

    @Test func tokenErrorBody() throws {
        let error = try OAuthErrorResponse.decode(
            from: Fixtures.tokenError.utf8Data,
            contentType: "application/json;charset=UTF-8"
        )
        #expect(error.error == .unsupportedGrantType)
        #expect(error.passiveAuthURI == nil)
    }

    @Test func tokenErrorWithPassiveAuthURI() throws {
        let body = #"{"error":"invalid_grant","ms_rtc_passiveauthuri":"https://sts/PassiveAuth/PassiveAuth.aspx"}"#
        let error = try OAuthErrorResponse.decode(json: body.utf8Data)
        #expect(error.error == .invalidGrant)
        #expect(error.passiveAuthURI == "https://sts/PassiveAuth/PassiveAuth.aspx")
    }

    @Test func unknownTokenErrorRoundTrips() throws {
        let error = try OAuthErrorResponse.decode(json: #"{"error":"temporarily_unavailable"}"#.utf8Data)
        #expect(error.error.rawValue == "temporarily_unavailable")
        #expect(
            ![.invalidRequest, .invalidGrant, .unsupportedGrantType, .invalidScope, .serverError].contains(error.error)
        )
        let again = try OAuthErrorResponse.decode(json: try JSONEncoder().encode(error))
        #expect(again == error)
    }
}
