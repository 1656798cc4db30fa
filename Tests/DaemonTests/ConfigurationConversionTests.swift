import Bridge
import Foundation
import Testing
import UCWA

@testable import Daemon

@Suite struct ConfigurationConversionTests {
    @Test func theUCWAClientConfigurationCarriesTheUCWASection() async throws {
        let fixture = try ConfigurationFixture()
        let configuration = try await fixture.load(
            environment: ConfigurationFixture.accountEnvironment.merging([
                "UCWA_BRIDGE_UCWA_USERAGENT": "agent/1",
                "UCWA_BRIDGE_UCWA_CAFILE": "/etc/ssl/ca.pem",
                "UCWA_BRIDGE_UCWA_EVENTTIMEOUT": "10m",
                "UCWA_BRIDGE_UCWA_HOSTMAPPING": "lyncdiscover.contoso.com=http://127.0.0.1:8443",
            ]) { $1 }
        )
        let client = try configuration.ucwaClientConfiguration(endpointId: "0b8f5d0e-endpoint")
        let discoveryURL = try #require(URL(string: "https://lyncdiscover.contoso.com"))
        #expect(client.discovery == .discoveryURL(discoveryURL))
        #expect(
            client.credentials
                == .password(
                    username: "bridge@contoso.com",
                    passwordFile: "/run/credentials/ucwa-bridged.service/password"
                )
        )
        #expect(client.endpointId == "0b8f5d0e-endpoint")
        #expect(client.userAgent == "agent/1")
        #expect(client.caFile == "/etc/ssl/ca.pem")
        #expect(client.eventTimeout == .seconds(600))
        let mapped = client.hostMapping.map(discoveryURL.appendingPathComponent("autodiscover"))
        #expect(mapped.absoluteString == "http://127.0.0.1:8443/autodiscover")
        let unmapped = try #require(URL(string: "https://other.contoso.com/x"))
        #expect(client.hostMapping.map(unmapped) == unmapped)
    }

    @Test func aSignInAddressAndATokenFileConvert() throws {
        var configuration = DaemonConfiguration()
        configuration.ucwa.signInAddress = "bridge@contoso.com"
        configuration.ucwa.tokenFile = "/run/token"
        let client = try configuration.ucwaClientConfiguration(endpointId: "e")
        #expect(client.discovery == .signInAddress("bridge@contoso.com"))
        #expect(client.credentials == .tokenFile("/run/token"))
        #expect(client.hostMapping.map(URL(fileURLWithPath: "/a")) == URL(fileURLWithPath: "/a"))
    }

    @Test func anIncompleteAccountDoesNotConvert() {
        #expect(throws: ConfigurationError.self) {
            try DaemonConfiguration().ucwaClientConfiguration(endpointId: "e")
        }
        var noCredentials = DaemonConfiguration()
        noCredentials.ucwa.signInAddress = "bridge@contoso.com"
        #expect {
            try noCredentials.ucwaClientConfiguration(endpointId: "e")
        } throws: { error in
            (error as? ConfigurationError)?.key == "ucwa.passwordFile"
        }
    }

    @Test func theDispatchConfigurationCarriesTheDispatchSection() async throws {
        let fixture = try ConfigurationFixture()
        let configuration = try await fixture.load(
            environment: ConfigurationFixture.accountEnvironment.merging([
                "UCWA_BRIDGE_UCWA_CONTENTTYPE": "xml",
                "UCWA_BRIDGE_DISPATCH_CONCURRENCY": "3",
                "UCWA_BRIDGE_DISPATCH_MAXATTEMPTS": "9",
                "UCWA_BRIDGE_DISPATCH_RETRY_INITIALDELAY": "2s",
                "UCWA_BRIDGE_DISPATCH_RETRY_MULTIPLIER": "1.5",
                "UCWA_BRIDGE_DISPATCH_RETRY_MAXDELAY": "1m",
                "UCWA_BRIDGE_DISPATCH_RETRY_DEADLINE": "30m",
            ]) { $1 }
        )
        let dispatch = try configuration.dispatchConfiguration()
        #expect(dispatch.bodyFormat == .xml)
        #expect(dispatch.concurrency == 3)
        let expected = try RetryPolicy(
            initialDelay: .seconds(2),
            multiplier: 1.5,
            maximumDelay: .seconds(60),
            jitter: .full,
            maximumAttempts: 9,
            deadline: .seconds(1800)
        )
        #expect(dispatch.retry == expected)
    }

    @Test func theDefaultsGiveTheStandardRetryPolicy() throws {
        let dispatch = try DaemonConfiguration().dispatchConfiguration()
        #expect(dispatch.retry == RetryPolicy.standard)
        #expect(dispatch.bodyFormat == .json)
        #expect(dispatch.concurrency == 16)
    }

    @Test func aChangedRetryThatMakesNoScheduleIsRefusedByKey() {
        var configuration = DaemonConfiguration()
        configuration.dispatch.maxAttempts = 0
        #expect {
            try configuration.retryPolicy()
        } throws: { error in
            (error as? ConfigurationError)?.key == "dispatch.maxAttempts"
        }
        configuration.dispatch.maxAttempts = nil
        configuration.dispatch.retry.multiplier = 0.5
        #expect {
            try configuration.dispatchConfiguration()
        } throws: { error in
            (error as? ConfigurationError)?.key == "dispatch.retry.multiplier"
        }
    }
}
