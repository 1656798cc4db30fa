import Foundation
import TestSupport
import Testing
import UCWA
import UCWASimulator

@Suite(.timeLimit(.minutes(1))) struct DiscoveryTests {
    @Test func explicitDiscoveryURLOpensAnApplication() async throws {
        try await ClientFixture.run { fixture in
            let client = try fixture.client()
            let context = try await client.openApplication()
            #expect(context.creation == .created)
            #expect(context.generation == 1)
            #expect(context.origin == (try UCWAOrigin(url: fixture.simulator.origin)))
            #expect(context.eventsHref.contains("/events?ack="))
            #expect(fixture.simulator.applications.count == 1)
        }
    }

    @Test func signInAddressTriesTheInternalHostFirst() async throws {
        try await ClientFixture.run { fixture in
            let configuration = try fixture.configuration(
                discovery: .signInAddress("bridge@contoso.com"),
                mapping: .table([
                    "lyncdiscoverinternal.contoso.com": fixture.simulator.origin,
                    // Nothing listens on port 1: reaching the external host would fail the test.
                    "lyncdiscover.contoso.com": try #require(URL(string: "http://127.0.0.1:1")),
                ])
            )
            let context = try await fixture.client(configuration).openApplication()
            #expect(context.creation == .created)
        }
    }

    @Test func signInAddressFallsBackToTheExternalHostWhenTheInternalOneFails() async throws {
        try await ClientFixture.run { fixture in
            // Both names lead to the simulator; the first root request (internal) loses its connection.
            fixture.simulator.injectFault(.connectionClosed, at: .root)
            let configuration = try fixture.configuration(
                discovery: .signInAddress("bridge@contoso.com"),
                mapping: fixture.signInMapping()
            )
            let context = try await fixture.client(configuration).openApplication()
            #expect(context.creation == .created)
            #expect(
                fixture.logs.all.contains {
                    $0.contains("discovery root failed") && $0.contains("lyncdiscoverinternal")
                }
            )
        }
    }

    @Test func bothDiscoveryHostsFailingIsADiscoveryError() async throws {
        try await ClientFixture.run { fixture in
            fixture.simulator.injectFault(.badGateway, at: .root, count: 2)
            let configuration = try fixture.configuration(
                discovery: .signInAddress("bridge@contoso.com"),
                mapping: fixture.signInMapping()
            )
            let error = await #expect(throws: UCWAClientError.self) {
                try await fixture.client(configuration).openApplication()
            }
            #expect(error?.code == .discoveryFailed)
            #expect(error?.isConfigurationError == false)
        }
    }

    @Test func redirectHopIsFollowed() async throws {
        try await ClientFixture.run({ $0.redirectHop = true }) { fixture in
            let context = try await fixture.client().openApplication()
            #expect(context.creation == .created)
            #expect(fixture.logs.all.contains { $0.contains("following discovery redirect") })
        }
    }

    @Test(arguments: ChallengeStyle.allCases)
    func bothChallengeShapesLeadToAToken(style: ChallengeStyle) async throws {
        try await ClientFixture.run({ $0.challengeStyle = style }) { fixture in
            _ = try await fixture.client().openApplication()
            #expect(fixture.simulator.counters.tokensIssued == 1)
        }
    }

    @Test func plainHTTPToANonLoopbackHostIsRefused() async throws {
        try await ClientFixture.run { fixture in
            let configuration = try fixture.configuration(
                discovery: .discoveryURL(try #require(URL(string: "http://lyncdiscover.contoso.com")))
            )
            let error = #expect(throws: UCWAClientError.self) { try fixture.client(configuration) }
            #expect(error?.code == .insecureURL)
            #expect(error?.isConfigurationError == true)
        }
    }

    @Test func hrefsOutsideTheOriginAreNotSent() async throws {
        try await ClientFixture.run { fixture in
            let client = try fixture.client()
            _ = try await client.openApplication()
            for href in ["https://evil.example.com/ucwa/oauth/v1/applications", "http://127.0.0.2:1/x"] {
                guard case .notSent(let error) = await client.get(href) else {
                    Issue.record("\(href) was sent")
                    continue
                }
                #expect(error.code == .hrefOutsideOrigin)
            }
        }
    }
}
