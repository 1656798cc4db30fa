import Foundation
import Testing
import UCWA

@Suite struct UCWAOriginTests {
    let origin: UCWAOrigin

    init() throws {
        origin = try UCWAOrigin("https://fe1.contoso.com/ucwa/v1/applications")
    }

    @Test func originParts() throws {
        #expect(origin.scheme == "https")
        #expect(origin.host == "fe1.contoso.com")
        #expect(origin.port == 443)
        #expect(origin.description == "https://fe1.contoso.com")
        #expect(try UCWAOrigin(url: URL(string: "HTTPS://FE1.Contoso.COM:443/")!) == origin)
        #expect(try UCWAOrigin(scheme: "http", host: "127.0.0.1", port: 8080).description == "http://127.0.0.1:8080")
        #expect(try UCWAOrigin("http://[::1]:8080/x").description == "http://[::1]:8080")
    }

    @Test func relativeHrefResolvesAgainstTheOrigin() throws {
        let resolved = try origin.resolve("/ucwa/v1/applications/192/events?ack=2")
        #expect(resolved.origin == origin)
        #expect(resolved.path == "/ucwa/v1/applications/192/events")
        #expect(resolved.query == "ack=2")
        #expect(resolved.pathAndQuery == "/ucwa/v1/applications/192/events?ack=2")
        #expect(resolved.description == "https://fe1.contoso.com/ucwa/v1/applications/192/events?ack=2")
        #expect(resolved.url?.absoluteString == "https://fe1.contoso.com/ucwa/v1/applications/192/events?ack=2")
    }

    @Test func relativeAndAbsoluteFormsCompareEqual() throws {
        let relative = "/ucwa/v1/applications/192/communication/invitations/602"
        let absolute = "https://fe1.contoso.com:443/ucwa/v1/applications/192/communication/invitations/602"
        #expect(try origin.resolve(relative) == origin.resolve(absolute))
        #expect(origin.hrefsMatch(relative, absolute))
        #expect(origin.hrefsMatch(relative, "HTTPS://FE1.CONTOSO.COM" + relative))
        #expect(!origin.hrefsMatch(relative, relative + "?x=1"))
        #expect(!origin.hrefsMatch(relative, "https://fe1.contoso.com:4443" + relative))
        #expect(!origin.hrefsMatch(relative, "http://fe1.contoso.com" + relative))
        #expect(!origin.hrefsMatch(relative, ""))
    }

    @Test func resolvedHrefsAreUsableAsDictionaryKeys() throws {
        var pending: [ResolvedHref: String] = [:]
        pending[try origin.resolve("/ucwa/v1/x")] = "op"
        #expect(pending[try origin.resolve("https://fe1.contoso.com/ucwa/v1/x")] == "op")
    }

    @Test(arguments: [
        "/ucwa/v1/applications/192/communication/conversationLogs/x1",
        "https://fe1.contoso.com/ucwa/v1/x",
        "https://fe1.contoso.com:443/ucwa/v1/x",
        "ucwa/v1/x",
        ".../conversationLog/continueMessaging",
    ])
    func hrefsOnTheOrigin(href: String) {
        #expect(origin.contains(href))
    }

    @Test(arguments: [
        "https://evil.example/ucwa/v1/x",
        "http://fe1.contoso.com/ucwa/v1/x",
        "https://fe1.contoso.com:8443/ucwa/v1/x",
        "//evil.example/ucwa",
        "https://fe1.contoso.com@evil.example/ucwa",
        "https://user:pass@fe1.contoso.com/ucwa",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "/ucwa/oauth/v1/applications/105/../../admin",
        "/ucwa/oauth/v1/applications/105/%2e%2E/x",
        "./x",
        "",
    ])
    func hrefsOffTheOrigin(href: String) {
        #expect(!origin.contains(href))
    }

    @Test func errorsAreTyped() throws {
        #expect(try #require(throws: HrefError.self) { try origin.resolve("") }.code == .empty)
        #expect(try #require(throws: HrefError.self) { try origin.resolve("ftp://x/y") }.code == .unsupportedScheme)
        #expect(
            try #require(throws: HrefError.self) { try origin.resolve("https://u:p@fe1.contoso.com/") }.code
                == .containsCredentials
        )
        #expect(try #require(throws: HrefError.self) { try origin.resolve("/a/../b") }.code == .dotSegment)
        #expect(try #require(throws: HrefError.self) { try UCWAOrigin("/relative") }.code == .malformed)
        #expect(try #require(throws: HrefError.self) { try UCWAOrigin(scheme: "https", host: "") }.code == .missingHost)
    }
}
