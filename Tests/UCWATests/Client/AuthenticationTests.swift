import Foundation
import TestSupport
import Testing
import UCWA
import UCWASimulator

@Suite(.timeLimit(.minutes(1))) struct AuthenticationTests {
    @Test func badPasswordIsAConfigurationErrorWithoutThePassword() async throws {
        try await ClientFixture.run { fixture in
            let wrong = "Wr0ng-pa55word-x"
            let configuration = try fixture.configuration(
                credentials: .password(username: ClientFixture.username, passwordFile: fixture.secretFile(wrong))
            )
            let error = await #expect(throws: UCWAClientError.self) {
                try await fixture.client(configuration).openApplication()
            }
            #expect(error?.code == .invalidCredentials)
            #expect(error?.isConfigurationError == true)
            #expect(error.map { !"\($0)".contains(wrong) } == true)
            #expect(error.map { !String(reflecting: $0).contains(wrong) } == true)
            #expect(fixture.simulator.counters.tokensIssued == 0)
            #expect(!fixture.logs.all.contains { $0.contains(wrong) })
            // One token request, no retry: a single "refused" attempt and no second root walk.
            #expect(fixture.logs.all.filter { $0.contains("discovery root failed") }.isEmpty)
        }
    }

    @Test func unreadablePasswordFileIsAConfigurationError() async throws {
        try await ClientFixture.run { fixture in
            let configuration = try fixture.configuration(
                credentials: .password(username: ClientFixture.username, passwordFile: "/nonexistent/password")
            )
            let error = await #expect(throws: UCWAClientError.self) {
                try await fixture.client(configuration).openApplication()
            }
            #expect(error?.code == .secretFileUnreadable)
        }
    }

    @Test func tokenExpiryMidRunIsTransparent() async throws {
        try await ClientFixture.run { fixture in
            let client = try fixture.client()
            let context = try await client.openApplication()
            fixture.simulator.expireTokensNow()
            let outcome = await client.get(context.selfHref.pathAndQuery)
            #expect(outcome.httpStatus == 200)
            #expect(fixture.simulator.counters.tokensIssued == 2)
            let tokenLines = fixture.logs.all.filter { $0.contains("cwt=") || $0.contains(ClientFixture.password) }
            #expect(tokenLines.isEmpty, "secrets in logs: \(tokenLines)")
        }
    }

    @Test func tokenIsRefreshedBeforeItExpires() async throws {
        try await ClientFixture.run({ $0.tokenLifetime = .seconds(1000) }) { fixture in
            let client = try fixture.client()
            let context = try await client.openApplication()
            #expect(fixture.simulator.counters.tokensIssued == 1)
            fixture.clientClock.advance(by: .seconds(899))
            #expect(await client.get(context.selfHref.pathAndQuery).httpStatus == 200)
            #expect(fixture.simulator.counters.tokensIssued == 1)
            fixture.clientClock.advance(by: .seconds(2))
            #expect(await client.get(context.selfHref.pathAndQuery).httpStatus == 200)
            #expect(fixture.simulator.counters.tokensIssued == 2)
        }
    }

    @Test func failedProactiveRefreshBacksOffInsteadOfRetryingOnEveryRequest() async throws {
        try await ClientFixture.run({ $0.tokenLifetime = .seconds(1000) }) { fixture in
            let client = try fixture.client()
            let context = try await client.openApplication()
            #expect(fixture.simulator.counters.tokensIssued == 1)
            fixture.clientClock.advance(by: .seconds(901))
            // The proactive refresh fails once; the old token is still valid and is used.
            fixture.simulator.injectFault(.serviceUnavailable, at: .token)
            #expect(await client.get(context.selfHref.pathAndQuery).httpStatus == 200)
            #expect(fixture.simulator.counters.tokensIssued == 1)
            // The next requests do not each try again: the next proactive attempt waits for the backoff.
            #expect(await client.get(context.selfHref.pathAndQuery).httpStatus == 200)
            #expect(await client.get(context.selfHref.pathAndQuery).httpStatus == 200)
            #expect(fixture.simulator.counters.tokensIssued == 1)
            #expect(fixture.logs.all.filter { $0.contains("proactive token refresh failed") }.count == 1)
            // Once the backoff (0.5 s with midpoint jitter) has passed, the refresh is tried again and succeeds.
            fixture.clientClock.advance(by: .seconds(1))
            #expect(await client.get(context.selfHref.pathAndQuery).httpStatus == 200)
            #expect(fixture.simulator.counters.tokensIssued == 2)
        }
    }

    @Test func tokenFileIsUsedAsItIs() async throws {
        try await ClientFixture.run { fixture in
            // A token obtained with the password grant, through the generic request of a first client.
            let first = try fixture.client()
            _ = try await first.openApplication()
            let grant = PasswordGrantRequest(username: ClientFixture.username, password: ClientFixture.password)
            let response = try #require(await first.post("/WebTicket/oauthtoken", body: grant.body).response)
            let token = try response.decode(TokenResponse.self)
            let path = try fixture.secretFile(token.accessToken + "\n")

            let second = try fixture.client(try fixture.configuration(credentials: .tokenFile(path)))
            let context = try await second.openApplication()
            #expect(context.creation == .reused)
            #expect(await second.get(context.selfHref.pathAndQuery).httpStatus == 200)

            // Once the server forgets it and the file holds no newer token, requests are refused, not sent again.
            fixture.simulator.expireTokensNow()
            guard case .notSent(let error) = await second.get(context.selfHref.pathAndQuery) else {
                Issue.record("a refused token file was not reported")
                return
            }
            #expect(error.code == .tokenRejected)
            #expect(!"\(error)".contains(token.accessToken))
        }
    }
}
