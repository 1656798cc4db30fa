import Foundation
import Logging
import TestSupport
import Testing

@testable import UCWA

@Suite struct ClientPartsTests {
    @Test func eventsURLKeepsTheAckAndReplacesParameters() {
        let parameters = EventChannelParameters(timeout: 900, medium: 300, low: 600)
        let url = EventsURLBuilder.url(
            for: "/ucwa/oauth/v1/applications/102/events?ack=5&timeout=180",
            parameters: parameters
        )
        #expect(url == "/ucwa/oauth/v1/applications/102/events?ack=5&timeout=900&medium=300&low=600")
        let absolute = EventsURLBuilder.url(
            for: "https://fe1.contoso.com/ucwa/v1/applications/1/events?ack=12&instanceId=a%20b",
            parameters: EventChannelParameters(timeout: 180)
        )
        #expect(absolute == "https://fe1.contoso.com/ucwa/v1/applications/1/events?ack=12&instanceId=a%20b&timeout=180")
    }

    @Test func pGetTimeoutComesFromTheEventTimeoutAndStaysBelowTheReadTimeout() {
        let logs = LogRecorder()
        let logger = logs.logger()
        var configuration = UCWAClientConfiguration(
            discovery: .signInAddress("bridge@contoso.com"),
            credentials: .tokenFile("/nonexistent/token"),
            endpointId: "endpoint"
        )
        // Unset: the configured event timeout (180 s by default; the read timeout is 240 s).
        #expect(EventChannelParameters().resolved(for: configuration, logger: logger).timeout == 180)
        configuration.eventTimeout = .seconds(900)
        #expect(EventChannelParameters().resolved(for: configuration, logger: logger).timeout == 900)
        #expect(logs.all.isEmpty)
        // Below the read timeout (900 + 60 s): kept.
        #expect(EventChannelParameters(timeout: 959).resolved(for: configuration, logger: logger).timeout == 959)
        #expect(logs.all.isEmpty)
        // Not below it: every idle P-GET would be cut; replaced by the event timeout, with a warning.
        #expect(EventChannelParameters(timeout: 960).resolved(for: configuration, logger: logger).timeout == 900)
        configuration.eventTimeout = .seconds(180)
        #expect(EventChannelParameters(timeout: 1800).resolved(for: configuration, logger: logger).timeout == 180)
        #expect(logs.all.filter { $0.hasPrefix("warning") && $0.contains("long-poll read timeout") }.count == 2)
    }

    @Test func backoffIsCappedAndJittered() {
        let backoff = Backoff(initial: .seconds(1), multiplier: 2, maximum: .seconds(30))
        #expect(backoff.ceiling(attempt: 0) == .seconds(1))
        #expect(backoff.ceiling(attempt: 3) == .seconds(8))
        #expect(backoff.ceiling(attempt: 10) == .seconds(30))
        #expect(backoff.ceiling(attempt: 10_000) == .seconds(30))
        let midpoint = JitterSource(MidpointGenerator())
        #expect(backoff.delay(attempt: 10, jitter: midpoint) == .seconds(15))
        struct Zero: RandomNumberGenerator, Sendable { mutating func next() -> UInt64 { 0 } }
        #expect(backoff.delay(attempt: 0, jitter: JitterSource(Zero())) == backoff.minimum)
    }

    @Test func loopbackRule() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"] {
            #expect(URLSecurityPolicy.isLoopback(host: host), "\(host)")
        }
        for host in ["128.0.0.1", "127.0.0.1.example.com", "lyncdiscover.contoso.com", "10.0.0.1", "::"] {
            #expect(!URLSecurityPolicy.isLoopback(host: host), "\(host)")
        }
    }

    @Test func secretFileLosesOneTrailingNewline() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("pa ss\n\n".utf8).write(to: url)
        #expect(try SecretFile.read(url.path, what: "password") == "pa ss\n")
        try Data("pa ss\r\n".utf8).write(to: url)
        #expect(try SecretFile.read(url.path, what: "password") == "pa ss")
    }

    @Test func redirectSecurityCheck() throws {
        let check = RedirectSecurityCheck(signInDomain: "contoso.com", trustedDomains: ["fabrikam.com"])
        let http = try #require(URL(string: "http://lyncdiscover.contoso.com/"))
        let https = try #require(URL(string: "https://lyncdiscover.contoso.com/"))
        let foreign = try #require(URL(string: "https://evil.example.com/root"))
        #expect(throws: Never.self) { try check.check(from: https, to: foreign) }
        #expect(throws: Never.self) {
            try check.check(from: http, to: try #require(URL(string: "https://pool.contoso.com")))
        }
        #expect(throws: Never.self) {
            try check.check(from: http, to: try #require(URL(string: "https://a.fabrikam.com")))
        }
        #expect(throws: UCWAClientError.self) { try check.check(from: http, to: foreign) }
    }

    @Test func tokensAreRedacted() {
        let token = BearerToken(authorization: "Bearer cwt=SECRET", refreshAt: nil, serial: 3)
        #expect(!"\(token)".contains("SECRET"))
        #expect(!String(reflecting: token).contains("SECRET"))
    }
}
