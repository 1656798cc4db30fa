import Foundation
import Testing

@testable import Daemon

@Suite struct ConfigurationFileTests {
    @Test(arguments: [
        ("dispatch:\n  concurency: 4\n", "dispatch.concurency", "concurrency"),
        ("dispatch:\n  retry:\n    maxDelays: 5m\n", "dispatch.retry.maxDelays", "maxDelay"),
        ("api:\n  socketpath: /x.sock\n", "api.socketpath", "socketPath"),
        ("ucwaa:\n  username: x\n", "ucwaa.username", "sections"),
        ("logging: debug\n", "logging", "sections"),
        ("state: /var/lib/ucwa-bridge\n", "state", "section"),
    ])
    func refusesUnknownKeys(yaml: String, key: String, mentioning: String) async throws {
        let fixture = try ConfigurationFixture()
        let file = try fixture.directory.write(ConfigurationFixture.accountYAML + yaml, to: "typo.yaml")
        let error = try #require(await fixture.refusal(configFile: file))
        #expect(error.key == key)
        #expect(error.source == file)
        #expect(error.problem.contains(mentioning), "\(error)")
    }

    @Test func anEmptySectionIsAllowed() async throws {
        let fixture = try ConfigurationFixture()
        let file = try fixture.directory.write(ConfigurationFixture.accountYAML + "state:\nlog:\n", to: "empty.yaml")
        let configuration = try await fixture.load(configFile: file)
        #expect(configuration.state == DaemonConfiguration.StateSettings())
    }

    @Test func aMissingExplicitFileIsRefused() async throws {
        let fixture = try ConfigurationFixture()
        let missing = fixture.directory.path("missing.yaml")
        let named = try #require(await fixture.refusal(configFile: missing, requiresCredentials: false))
        #expect(named.key == "config")
        #expect(named.problem.contains(missing))

        let flagged = try #require(await fixture.refusal(arguments: ["--config", missing], requiresCredentials: false))
        #expect(flagged.key == "config")
        #expect(flagged.source == "command line")
    }

    @Test func aDirectoryIsNotAFile() async throws {
        let fixture = try ConfigurationFixture()
        let error = try #require(await fixture.refusal(configFile: fixture.directory.url.path))
        #expect(error.key == "config")
        #expect(error.problem.contains("directory"))
    }

    @Test func malformedYAMLIsRefused() async throws {
        let fixture = try ConfigurationFixture()
        let file = try fixture.directory.write("ucwa: [unclosed\n", to: "broken.yaml")
        let error = try #require(await fixture.refusal(configFile: file))
        #expect(error.key == "config")
        #expect(error.source == file)
    }

    @Test func aWrongTypeInTheFileNamesTheKey() async throws {
        let fixture = try ConfigurationFixture()
        let file = try fixture.directory.write(
            ConfigurationFixture.accountYAML + "api:\n  allowedUIDs: 1000\n",
            to: "type.yaml"
        )
        let error = try #require(await fixture.refusal(configFile: file))
        #expect(error.key == "api.allowedUIDs")
        #expect(error.source == file)
    }

    /// config/config.example.yaml, found from this file's path.
    static let exampleFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("config/config.example.yaml")
        .path

    @Test func theExampleFileLoadsWithTheDocumentedDefaults() async throws {
        let fixture = try ConfigurationFixture()
        let configuration = try await fixture.load(configFile: Self.exampleFile)
        var expected = DaemonConfiguration()
        expected.ucwa.discoveryURL = URL(string: "https://lyncdiscover.contoso.com")
        expected.ucwa.username = "bridge@contoso.com"
        expected.ucwa.passwordFile = "/run/credentials/ucwa-bridged.service/password"
        #expect(configuration == expected)
    }

    @Test func theExampleFileDocumentsEveryKey() throws {
        let example = try String(contentsOfFile: Self.exampleFile, encoding: .utf8)
        for key in ConfigurationKeys.all {
            let name = key.split(separator: ".").last.map(String.init) ?? key
            #expect(example.contains("\(name):"), "config.example.yaml does not mention \(key)")
        }
        #expect(!example.contains("still being built"))
    }
}
