import Foundation
import Testing

@testable import Daemon

@Suite struct ConfigurationLayeringTests {
    static let everyKeyYAML = """
        ucwa:
          signInAddress: bridge@contoso.com
          username: bridge@contoso.com
          tokenFile: /etc/ucwa-bridge/token
          contentType: xml
          caFile: /etc/ssl/certs/contoso-ca.pem
          userAgent: test-agent
          eventTimeout: 15m
          hostMapping:
            - lyncdiscoverinternal.contoso.com=http://127.0.0.1:8443
            - LyncDiscover.contoso.com=https://[::1]:9443
        api:
          socketPath: /tmp/api.sock
          socketGroup: wheel
          allowedUIDs: [1000, 1001]
          allowedGIDs:
            - 0
            - 50
          maxMessageBytes: 4096
          maxWait: 2m
        state:
          directory: /srv/ucwa-bridge
        dispatch:
          concurrency: 4
          maxAttempts: 7
          retry: { initialDelay: 250ms, multiplier: 1.5, maxDelay: 10m, deadline: 2h }
          retention: 24h
        log:
          level: debug
          target: journal

        """

    @Test func theFileGivesEveryKey() async throws {
        let fixture = try ConfigurationFixture()
        let file = try fixture.directory.write(Self.everyKeyYAML, to: "every-key.yaml")
        let configuration = try await fixture.load(configFile: file)
        let ucwa = configuration.ucwa
        #expect(ucwa.discoveryURL == nil)
        #expect(ucwa.signInAddress == "bridge@contoso.com")
        #expect(ucwa.username == "bridge@contoso.com")
        #expect(ucwa.passwordFile == nil)
        #expect(ucwa.tokenFile == "/etc/ucwa-bridge/token")
        #expect(ucwa.contentType == .xml)
        #expect(ucwa.caFile == "/etc/ssl/certs/contoso-ca.pem")
        #expect(ucwa.userAgent == "test-agent")
        #expect(ucwa.eventTimeout == .seconds(900))
        let internalTarget = try #require(URL(string: "http://127.0.0.1:8443"))
        let externalTarget = try #require(URL(string: "https://[::1]:9443"))
        #expect(
            ucwa.hostMapping == [
                "lyncdiscoverinternal.contoso.com": internalTarget,
                "lyncdiscover.contoso.com": externalTarget,
            ]
        )
        #expect(
            configuration.api
                == DaemonConfiguration.APISettings(
                    socketPath: "/tmp/api.sock",
                    socketGroup: "wheel",
                    allowedUIDs: [1000, 1001],
                    allowedGIDs: [0, 50],
                    maxMessageBytes: 4096,
                    maxWait: .seconds(120)
                )
        )
        #expect(configuration.state.directory == "/srv/ucwa-bridge")
        #expect(
            configuration.dispatch
                == DaemonConfiguration.DispatchSettings(
                    concurrency: 4,
                    retry: .init(
                        initialDelay: .milliseconds(250),
                        multiplier: 1.5,
                        maxDelay: .seconds(600),
                        deadline: .seconds(7200)
                    ),
                    maxAttempts: 7,
                    retention: .seconds(24 * 3600)
                )
        )
        #expect(configuration.log == DaemonConfiguration.LogSettings(level: .debug, target: .journal))
    }

    @Test func environmentOverridesTheFile() async throws {
        let fixture = try ConfigurationFixture()
        let file = try fixture.directory.write(Self.everyKeyYAML, to: "every-key.yaml")
        let configuration = try await fixture.load(
            environment: [
                "UCWA_BRIDGE_API_SOCKETPATH": "/env/api.sock",
                "UCWA_BRIDGE_UCWA_EVENTTIMEOUT": "300s",
                "UCWA_BRIDGE_API_ALLOWEDUIDS": "7,8,9",
                "UCWA_BRIDGE_DISPATCH_RETRY_MULTIPLIER": "3",
                "UCWA_BRIDGE_DISPATCH_CONCURRENCY": "32",
                "UCWA_BRIDGE_LOG_LEVEL": "trace",
                // The library's own spelling of camel case is not the documented one and is not read.
                "UCWA_BRIDGE_API_SOCKET_GROUP": "ignored",
            ],
            configFile: file
        )
        #expect(configuration.api.socketPath == "/env/api.sock")
        #expect(configuration.ucwa.eventTimeout == .seconds(300))
        #expect(configuration.api.allowedUIDs == [7, 8, 9])
        #expect(configuration.dispatch.retry.multiplier == 3)
        #expect(configuration.dispatch.concurrency == 32)
        #expect(configuration.log.level == .trace)
        #expect(configuration.api.socketGroup == "wheel")
        #expect(configuration.api.maxWait == .seconds(120))
    }

    @Test func flagsOverrideTheEnvironment() async throws {
        let fixture = try ConfigurationFixture()
        let file = try fixture.directory.write(Self.everyKeyYAML, to: "every-key.yaml")
        let configuration = try await fixture.load(
            arguments: [
                "--api-socket-path", "/flag/api.sock",
                "--dispatch-concurrency=8",
                "--api-allowed-uids", "1", "2",
                "--dispatch-retry-max-delay", "20m",
                "--ucwa-event-timeout", "1800s",
            ],
            environment: [
                "UCWA_BRIDGE_API_SOCKETPATH": "/env/api.sock",
                "UCWA_BRIDGE_DISPATCH_CONCURRENCY": "32",
                "UCWA_BRIDGE_API_ALLOWEDUIDS": "7,8,9",
                "UCWA_BRIDGE_LOG_TARGET": "stderr",
            ],
            configFile: file
        )
        #expect(configuration.api.socketPath == "/flag/api.sock")
        #expect(configuration.dispatch.concurrency == 8)
        #expect(configuration.api.allowedUIDs == [1, 2])
        #expect(configuration.dispatch.retry.maxDelay == .seconds(1200))
        #expect(configuration.ucwa.eventTimeout == .seconds(1800))
        #expect(configuration.log.target == .stderr)
        #expect(configuration.log.level == .debug)
    }

    @Test func theConfigFlagNamesTheFile() async throws {
        let fixture = try ConfigurationFixture()
        try fixture.writeDefaultFile(ConfigurationFixture.accountYAML + "log:\n  level: error\n")
        let file = try fixture.directory.write(ConfigurationFixture.accountYAML + "log:\n  level: warning\n", to: "b")
        let configuration = try await fixture.load(arguments: ["--config", file])
        #expect(configuration.log.level == .warning)
    }

    @Test func refusalsNameTheSourceOfTheValue() async throws {
        let fixture = try ConfigurationFixture()
        let file = try fixture.directory.write(
            ConfigurationFixture.accountYAML + "dispatch:\n  concurrency: 500\n",
            to: "bad.yaml"
        )
        let fromFile = await fixture.refusal(configFile: file)
        #expect(fromFile?.key == "dispatch.concurrency")
        #expect(fromFile?.source == file)
        #expect(fromFile?.description.contains(file) == true)

        let fromEnvironment = await fixture.refusal(
            environment: ["UCWA_BRIDGE_DISPATCH_CONCURRENCY": "0"],
            configFile: file
        )
        #expect(fromEnvironment?.source == "environment")

        let fromFlag = await fixture.refusal(
            arguments: ["--dispatch-concurrency", "101"],
            environment: ["UCWA_BRIDGE_DISPATCH_CONCURRENCY": "0"],
            configFile: file
        )
        #expect(fromFlag?.source == "command line")
        #expect(
            fromFlag?.description
                == "configuration key dispatch.concurrency (from command line): must be between 1 and 100 "
                + "(UCWA refuses more than 100 outstanding requests per user), but is 101"
        )
    }
}
