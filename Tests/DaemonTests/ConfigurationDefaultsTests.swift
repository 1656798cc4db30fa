import Foundation
import Logging
import Testing

@testable import Daemon

@Suite struct ConfigurationDefaultsTests {
    @Test func nothingGivenYieldsTheDefaults() async throws {
        let fixture = try ConfigurationFixture()
        let configuration = try await fixture.load(requiresCredentials: false)
        #expect(configuration == DaemonConfiguration())
    }

    @Test func theDefaultsAreTheDocumentedOnes() {
        let defaults = DaemonConfiguration()
        #expect(defaults.ucwa.discoveryURL == nil)
        #expect(defaults.ucwa.signInAddress == nil)
        #expect(defaults.ucwa.username == nil)
        #expect(defaults.ucwa.passwordFile == nil)
        #expect(defaults.ucwa.tokenFile == nil)
        #expect(defaults.ucwa.contentType == .json)
        #expect(defaults.ucwa.caFile == nil)
        #expect(defaults.ucwa.userAgent == "ucwa-bridge")
        #expect(defaults.ucwa.eventTimeout == .seconds(180))
        #expect(defaults.ucwa.hostMapping.isEmpty)
        #expect(defaults.api.socketPath == "/run/ucwa-bridge/api.sock")
        #expect(defaults.api.socketGroup == "ucwa-bridge")
        #expect(defaults.api.allowedUIDs.isEmpty)
        #expect(defaults.api.allowedGIDs.isEmpty)
        #expect(defaults.api.maxMessageBytes == 16384)
        #expect(defaults.api.maxWait == .seconds(60))
        #expect(defaults.state.directory == "/var/lib/ucwa-bridge")
        #expect(defaults.dispatch.concurrency == 16)
        #expect(defaults.dispatch.maxAttempts == nil)
        #expect(defaults.dispatch.retention == .seconds(168 * 3600))
        #expect(defaults.dispatch.retry.initialDelay == .seconds(1))
        #expect(defaults.dispatch.retry.multiplier == 2)
        #expect(defaults.dispatch.retry.maxDelay == .seconds(300))
        #expect(defaults.dispatch.retry.deadline == .seconds(3600))
        #expect(defaults.log.level == .info)
        #expect(defaults.log.target == .auto)
    }

    @Test func theAccountIsRequiredUnlessToldOtherwise() async throws {
        let fixture = try ConfigurationFixture()
        let error = await fixture.refusal()
        #expect(error?.key == "ucwa.discoveryURL")
        #expect(error?.description.contains("ucwa.signInAddress") == true)
    }

    @Test func aMissingDefaultFileIsAllowed() async throws {
        let fixture = try ConfigurationFixture()
        #expect(!FileManager.default.fileExists(atPath: fixture.defaultFile))
        let configuration = try await fixture.load(environment: ConfigurationFixture.accountEnvironment)
        #expect(configuration.ucwa.username == "bridge@contoso.com")
        #expect(configuration.api == DaemonConfiguration.APISettings())
    }

    @Test func theDefaultFileIsReadWhenPresent() async throws {
        let fixture = try ConfigurationFixture()
        try fixture.writeDefaultFile(ConfigurationFixture.accountYAML + "log:\n  level: debug\n")
        let configuration = try await fixture.load()
        #expect(configuration.log.level == .debug)
    }
}
