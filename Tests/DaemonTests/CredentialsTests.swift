import Foundation
import Testing

@testable import Daemon

@Suite struct CredentialsTests {
    static let account = [
        "UCWA_BRIDGE_UCWA_DISCOVERYURL": "https://lyncdiscover.contoso.com",
        "UCWA_BRIDGE_UCWA_USERNAME": "bridge@contoso.com",
    ]

    @Test func thePasswordCredentialIsUsedWhenNoFileIsConfigured() async throws {
        let fixture = try ConfigurationFixture()
        let credentials = fixture.directory.url.appendingPathComponent("credentials")
        try FileManager.default.createDirectory(at: credentials, withIntermediateDirectories: true)
        try fixture.directory.write("s3cret-value\n", to: "credentials/password")
        let configuration = try await fixture.load(
            environment: Self.account.merging(["CREDENTIALS_DIRECTORY": credentials.path]) { $1 }
        )
        #expect(configuration.ucwa.passwordFile == credentials.appendingPathComponent("password").path)
        #expect(configuration.ucwa.tokenFile == nil)
    }

    @Test func theTokenCredentialIsUsedWhenNoFileIsConfigured() async throws {
        let fixture = try ConfigurationFixture()
        try fixture.directory.write("cwt=token", to: "token")
        let configuration = try await fixture.load(
            environment: [
                "UCWA_BRIDGE_UCWA_SIGNINADDRESS": "bridge@contoso.com",
                "CREDENTIALS_DIRECTORY": fixture.directory.url.path,
            ]
        )
        #expect(configuration.ucwa.tokenFile == fixture.directory.path("token"))
        #expect(configuration.ucwa.passwordFile == nil)
    }

    @Test func bothCredentialsAreAmbiguous() async throws {
        let fixture = try ConfigurationFixture()
        try fixture.directory.write("p", to: "password")
        try fixture.directory.write("t", to: "token")
        let environment = Self.account.merging(["CREDENTIALS_DIRECTORY": fixture.directory.url.path]) { $1 }
        let error = try #require(await fixture.refusal(environment: environment))
        #expect(error.key == "ucwa.passwordFile")
        #expect(error.source == "credentials directory")

        let chosen = try await fixture.load(
            environment: environment.merging(["UCWA_BRIDGE_UCWA_TOKENFILE": "/etc/ucwa-bridge/token"]) { $1 }
        )
        #expect(chosen.ucwa.tokenFile == "/etc/ucwa-bridge/token")
    }

    @Test func aConfiguredFileWinsOverTheCredentialsDirectory() async throws {
        let fixture = try ConfigurationFixture()
        try fixture.directory.write("t", to: "token")
        let configuration = try await fixture.load(
            environment: Self.account.merging([
                "CREDENTIALS_DIRECTORY": fixture.directory.url.path,
                "UCWA_BRIDGE_UCWA_PASSWORDFILE": "/etc/ucwa-bridge/password",
            ]) { $1 }
        )
        #expect(configuration.ucwa.passwordFile == "/etc/ucwa-bridge/password")
        #expect(configuration.ucwa.tokenFile == nil)
    }

    @Test func anEmptyCredentialsDirectoryGivesNothing() async throws {
        let fixture = try ConfigurationFixture()
        let environment = Self.account.merging(["CREDENTIALS_DIRECTORY": fixture.directory.url.path]) { $1 }
        let error = try #require(await fixture.refusal(environment: environment))
        #expect(error.key == "ucwa.passwordFile")
        let relaxed = try await fixture.load(environment: environment, requiresCredentials: false)
        #expect(relaxed.ucwa.passwordFile == nil)
        #expect(relaxed.ucwa.tokenFile == nil)
    }

    @Test func theSecretIsNeverInADescriptionOrError() async throws {
        let secret = "s3cret-value"
        let fixture = try ConfigurationFixture()
        let passwordFile = try fixture.directory.write(secret, to: "password")
        let yaml = try fixture.directory.write(
            "ucwa:\n  discoveryURL: https://lyncdiscover.contoso.com\n  username: bridge@contoso.com\n"
                + "  passwordFile: \(passwordFile)\n",
            to: "config.yaml"
        )
        let configuration = try await fixture.load(configFile: yaml)
        #expect(configuration.ucwa.passwordFile == passwordFile)
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [String(describing: configuration), String(reflecting: configuration), dumped] {
            #expect(!text.contains(secret))
        }
        let client = try configuration.ucwaClientConfiguration(endpointId: "e")
        #expect(!String(reflecting: client).contains(secret))

        let fromCredentials = try await fixture.load(
            environment: Self.account.merging(["CREDENTIALS_DIRECTORY": fixture.directory.url.path]) { $1 }
        )
        #expect(!String(reflecting: fromCredentials).contains(secret))

        let errors = [
            await fixture.refusal(environment: ["UCWA_BRIDGE_DISPATCH_CONCURRENCY": "0"], configFile: yaml),
            await fixture.refusal(environment: ["UCWA_BRIDGE_UCWA_TOKENFILE": passwordFile], configFile: yaml),
            await fixture.refusal(environment: ["UCWA_BRIDGE_UCWA_USERNAME": ""], configFile: yaml),
        ]
        #expect(errors.allSatisfy { $0 != nil })
        for error in errors.compactMap(\.self) {
            #expect(!error.description.contains(secret))
            #expect(!String(reflecting: error).contains(secret))
        }
    }
}
