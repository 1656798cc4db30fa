import Testing

@testable import Daemon

/// One value that must be refused, set by environment variables over a valid account.
struct Refusal: Sendable, CustomTestStringConvertible {
    var environment: [String: String]
    var removing: [String] = []
    var key: String
    var mentioning: String

    var testDescription: String {
        environment.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ") + " -> \(key)"
    }
}

@Suite struct ConfigurationValidationTests {
    static let discovery = "UCWA_BRIDGE_UCWA_DISCOVERYURL"

    static let refusals: [Refusal] = [
        Refusal(
            environment: ["UCWA_BRIDGE_UCWA_SIGNINADDRESS": "bridge@contoso.com"],
            key: "ucwa.signInAddress",
            mentioning: "exactly one"
        ),
        Refusal(environment: [:], removing: [discovery], key: "ucwa.discoveryURL", mentioning: "missing"),
        Refusal(
            environment: [discovery: "http://lyncdiscover.contoso.com"],
            key: "ucwa.discoveryURL",
            mentioning: "loopback"
        ),
        Refusal(environment: [discovery: "http://128.0.0.1:8080"], key: "ucwa.discoveryURL", mentioning: "https"),
        Refusal(
            environment: [discovery: "ftp://lyncdiscover.contoso.com"],
            key: "ucwa.discoveryURL",
            mentioning: "scheme"
        ),
        Refusal(
            environment: [discovery: "lyncdiscover.contoso.com"],
            key: "ucwa.discoveryURL",
            mentioning: "absolute https URL"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_UCWA_SIGNINADDRESS": "bridge"],
            removing: [discovery],
            key: "ucwa.signInAddress",
            mentioning: "user@domain"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_UCWA_SIGNINADDRESS": "bridge@"],
            removing: [discovery],
            key: "ucwa.signInAddress",
            mentioning: "user@domain"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_UCWA_SIGNINADDRESS": "a@b@c"],
            removing: [discovery],
            key: "ucwa.signInAddress",
            mentioning: "user@domain"
        ),
        Refusal(environment: ["UCWA_BRIDGE_UCWA_USERNAME": " "], key: "ucwa.username", mentioning: "empty"),
        Refusal(
            environment: [:],
            removing: ["UCWA_BRIDGE_UCWA_USERNAME"],
            key: "ucwa.username",
            mentioning: "password grant"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_UCWA_TOKENFILE": "/run/token"],
            key: "ucwa.tokenFile",
            mentioning: "exactly one"
        ),
        Refusal(
            environment: [:],
            removing: ["UCWA_BRIDGE_UCWA_PASSWORDFILE"],
            key: "ucwa.passwordFile",
            mentioning: "missing"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_UCWA_PASSWORDFILE": "password"],
            key: "ucwa.passwordFile",
            mentioning: "absolute"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_UCWA_CONTENTTYPE": "html"],
            key: "ucwa.contentType",
            mentioning: "json or xml"
        ),
        Refusal(environment: ["UCWA_BRIDGE_UCWA_CAFILE": "ca.pem"], key: "ucwa.caFile", mentioning: "absolute"),
        Refusal(environment: ["UCWA_BRIDGE_UCWA_USERAGENT": ""], key: "ucwa.userAgent", mentioning: "empty"),
        Refusal(
            environment: ["UCWA_BRIDGE_UCWA_USERAGENT": String(repeating: "a", count: 101)],
            key: "ucwa.userAgent",
            mentioning: "100"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_UCWA_EVENTTIMEOUT": "179s"],
            key: "ucwa.eventTimeout",
            mentioning: "between 180s and 1800s"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_UCWA_EVENTTIMEOUT": "30m1s"],
            key: "ucwa.eventTimeout",
            mentioning: "between 180s and 1800s"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_UCWA_EVENTTIMEOUT": "180500ms"],
            key: "ucwa.eventTimeout",
            mentioning: "whole number of seconds"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_UCWA_EVENTTIMEOUT": "180"],
            key: "ucwa.eventTimeout",
            mentioning: "unit"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_UCWA_EVENTTIMEOUT": "-180s"],
            key: "ucwa.eventTimeout",
            mentioning: "negative"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_UCWA_HOSTMAPPING": "lyncdiscover.contoso.com"],
            key: "ucwa.hostMapping",
            mentioning: "host=URL"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_UCWA_HOSTMAPPING": "a.example=ftp://127.0.0.1"],
            key: "ucwa.hostMapping",
            mentioning: "http(s) base URL"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_API_SOCKETPATH": "run/api.sock"],
            key: "api.socketPath",
            mentioning: "absolute"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_API_SOCKETPATH": "/" + String(repeating: "s", count: 107)],
            key: "api.socketPath",
            mentioning: "107 bytes"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_API_ALLOWEDUIDS": "1000,-1"],
            key: "api.allowedUIDs",
            mentioning: "non-negative"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_API_ALLOWEDUIDS": "root"],
            key: "api.allowedUIDs",
            mentioning: "whole numbers"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_API_ALLOWEDGIDS": "-5"],
            key: "api.allowedGIDs",
            mentioning: "non-negative"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_API_ALLOWEDGIDS": "4294967295"],
            key: "api.allowedGIDs",
            mentioning: "non-negative"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_API_MAXMESSAGEBYTES": "0"],
            key: "api.maxMessageBytes",
            mentioning: "between 1 and"
        ),
        Refusal(environment: ["UCWA_BRIDGE_API_MAXWAIT": "0s"], key: "api.maxWait", mentioning: "longer than zero"),
        Refusal(environment: ["UCWA_BRIDGE_API_MAXWAIT": "2h"], key: "api.maxWait", mentioning: "at most 1h"),
        Refusal(
            environment: ["UCWA_BRIDGE_STATE_DIRECTORY": "var/lib"],
            key: "state.directory",
            mentioning: "absolute"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_DISPATCH_CONCURRENCY": "0"],
            key: "dispatch.concurrency",
            mentioning: "UCWA refuses more than 100 outstanding requests per user"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_DISPATCH_CONCURRENCY": "101"],
            key: "dispatch.concurrency",
            mentioning: "between 1 and 100"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_DISPATCH_CONCURRENCY": "many"],
            key: "dispatch.concurrency",
            mentioning: "whole number"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_DISPATCH_MAXATTEMPTS": "0"],
            key: "dispatch.maxAttempts",
            mentioning: "at least 1"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_DISPATCH_RETENTION": "-1h"],
            key: "dispatch.retention",
            mentioning: "negative"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_DISPATCH_RETRY_INITIALDELAY": "0s"],
            key: "dispatch.retry.initialDelay",
            mentioning: "longer than zero"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_DISPATCH_RETRY_MULTIPLIER": "0.5"],
            key: "dispatch.retry.multiplier",
            mentioning: "at least 1"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_DISPATCH_RETRY_MULTIPLIER": "fast"],
            key: "dispatch.retry.multiplier",
            mentioning: "a number"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_DISPATCH_RETRY_MAXDELAY": "500ms"],
            key: "dispatch.retry.maxDelay",
            mentioning: "initialDelay"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_DISPATCH_RETRY_INITIALDELAY": "10m"],
            key: "dispatch.retry.maxDelay",
            mentioning: "initialDelay"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_DISPATCH_RETRY_DEADLINE": "0s"],
            key: "dispatch.retry.deadline",
            mentioning: "longer than zero"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_LOG_LEVEL": "verbose"],
            key: "log.level",
            mentioning: "trace, debug, info, notice, warning, error, critical"
        ),
        Refusal(
            environment: ["UCWA_BRIDGE_LOG_TARGET": "syslog"],
            key: "log.target",
            mentioning: "auto, journal or stderr"
        ),
    ]

    @Test(arguments: refusals)
    func refusesWithTheKey(_ refusal: Refusal) async throws {
        let fixture = try ConfigurationFixture()
        var environment = ConfigurationFixture.accountEnvironment.merging(refusal.environment) { $1 }
        for name in refusal.removing {
            environment[name] = nil
        }
        let error = try #require(await fixture.refusal(environment: environment))
        #expect(error.key == refusal.key)
        #expect(error.problem.contains(refusal.mentioning), "\(error)")
        #expect(error.description.hasPrefix("configuration key \(refusal.key)"))
    }

    @Test(arguments: [
        "http://127.0.0.1:8443", "http://127.8.9.10", "http://localhost:8080", "http://[::1]:8443",
        "https://lyncdiscover.contoso.com",
    ])
    func acceptsHTTPSAndLoopbackHTTP(url: String) async throws {
        let fixture = try ConfigurationFixture()
        let configuration = try await fixture.load(
            environment: ConfigurationFixture.accountEnvironment.merging([Self.discovery: url]) { $1 }
        )
        #expect(configuration.ucwa.discoveryURL?.absoluteString == url)
    }

    @Test func acceptsTheBoundsOfEachRange() async throws {
        let fixture = try ConfigurationFixture()
        let configuration = try await fixture.load(
            environment: ConfigurationFixture.accountEnvironment.merging([
                "UCWA_BRIDGE_UCWA_EVENTTIMEOUT": "30m",
                "UCWA_BRIDGE_DISPATCH_CONCURRENCY": "100",
                "UCWA_BRIDGE_DISPATCH_RETENTION": "0s",
                "UCWA_BRIDGE_DISPATCH_RETRY_MULTIPLIER": "1",
                "UCWA_BRIDGE_DISPATCH_RETRY_MAXDELAY": "1s",
                "UCWA_BRIDGE_API_ALLOWEDUIDS": "0,4294967294",
                "UCWA_BRIDGE_API_SOCKETGROUP": "",
                "UCWA_BRIDGE_LOG_LEVEL": "CRITICAL",
            ]) { $1 }
        )
        #expect(configuration.ucwa.eventTimeout == .seconds(1800))
        #expect(configuration.dispatch.concurrency == 100)
        #expect(configuration.dispatch.retention == .zero)
        #expect(configuration.dispatch.retry.multiplier == 1)
        #expect(configuration.dispatch.retry.maxDelay == .seconds(1))
        #expect(configuration.api.allowedUIDs == [0, 4_294_967_294])
        #expect(configuration.api.socketGroup.isEmpty)
        #expect(configuration.log.level == .critical)
    }

    @Test func aTokenFileNeedsNoUsername() async throws {
        let fixture = try ConfigurationFixture()
        let configuration = try await fixture.load(environment: [
            "UCWA_BRIDGE_UCWA_SIGNINADDRESS": "bridge@contoso.com",
            "UCWA_BRIDGE_UCWA_TOKENFILE": "/run/credentials/ucwa-bridged.service/token",
        ])
        #expect(configuration.ucwa.username == nil)
        #expect(configuration.ucwa.tokenFile == "/run/credentials/ucwa-bridged.service/token")
    }
}
