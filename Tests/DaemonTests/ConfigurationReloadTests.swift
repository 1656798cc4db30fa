import Bridge
import Foundation
import Testing

@testable import Daemon

@Suite(.timeLimit(.minutes(1))) struct ConfigurationReloadTests {
    static let start =
        ConfigurationFixture.accountYAML + """
            api:
              allowedUIDs: [1000]
            dispatch:
              concurrency: 8
            log:
              level: info

            """

    @Test func liveKeysReachTheRunningParts() async throws {
        let fixture = try await ReloadFixture(Self.start)
        try fixture.write(
            ConfigurationFixture.accountYAML + """
                api:
                  allowedUIDs: [1000, 1234]
                  allowedGIDs: [2000]
                  maxMessageBytes: 2048
                  maxWait: 20s
                dispatch:
                  concurrency: 3
                  maxAttempts: 5
                  retry:
                    initialDelay: 2s
                    multiplier: 3
                    maxDelay: 1m
                    deadline: 30m
                  retention: 24h
                log:
                  level: debug

                """
        )
        let outcome = await fixture.reload.perform(running: fixture.running)
        guard case .applied(let change) = outcome else {
            Issue.record("refused: \(outcome)")
            return
        }
        #expect(
            change.liveKeys == [
                "api.allowedUIDs", "api.allowedGIDs", "api.maxMessageBytes", "api.maxWait", "dispatch.concurrency",
                "dispatch.maxAttempts",
                "dispatch.retry.initialDelay", "dispatch.retry.multiplier", "dispatch.retry.maxDelay",
                "dispatch.retry.deadline", "dispatch.retention", "log.level",
            ]
        )
        #expect(change.restartKeys.isEmpty)

        let settings = fixture.settings
        #expect(settings.logLevel.level == .debug)
        #expect(await fixture.dispatcher.concurrency == 3)
        let policy = await fixture.dispatcher.retryPolicy
        #expect(policy.initialDelay == .seconds(2))
        #expect(policy.multiplier == 3)
        #expect(policy.maximumDelay == .seconds(60))
        #expect(policy.deadline == .seconds(1800))
        #expect(policy.maximumAttempts == 5)
        #expect(policy.jitter == .full)
        let queue = await fixture.queue.configurationInForce
        #expect(queue.admissionLimit == 3)
        #expect(queue.retention == .seconds(24 * 3600))
        #expect(queue.defaultDeadline == .seconds(1800))
        let peers = settings.peerPolicy.current
        #expect(peers.allowedUIDs == [1000, 1234])
        #expect(peers.allowedGIDs == [2000])
        #expect(peers.socketGroupID == 4242, "the socket group is not the reload's to change")
        let limits = settings.submissionLimits.current
        #expect(limits.rules.maximumMessageBytes == 2048)
        #expect(limits.maximumWait == .seconds(20))

        let notices = fixture.lines(at: "notice")
        #expect(notices.contains { $0.contains("configuration reloaded") && $0.contains("dispatch.concurrency") })
        #expect(fixture.lines(at: "warning").isEmpty)
    }

    @Test func restartKeysAreReportedByNameAndLeftAsTheyRun() async throws {
        let fixture = try await ReloadFixture(Self.start)
        let secretPlace = "/run/credentials/secret-place-\(UUID().uuidString)/password"
        try fixture.write(
            ConfigurationFixture.accountYAML.replacingOccurrences(
                of: "/run/credentials/ucwa-bridged.service/password",
                with: secretPlace
            ) + """
                api:
                  socketPath: /run/other/api.sock
                  allowedUIDs: [1000]
                dispatch:
                  concurrency: 8
                log:
                  level: info
                  target: stderr

                """
        )
        let outcome = await fixture.reload.perform(running: fixture.running)
        guard case .applied(let change) = outcome else {
            Issue.record("refused: \(outcome)")
            return
        }
        #expect(change.restartKeys == ["ucwa.passwordFile", "api.socketPath", "log.target"])
        #expect(change.liveKeys.isEmpty)
        #expect(outcome.inForce(before: fixture.running) == fixture.running)
        #expect(await fixture.dispatcher.concurrency == 8)

        let warnings = fixture.lines(at: "warning")
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("ucwa.passwordFile, api.socketPath, log.target") == true, "\(warnings)")
        #expect(!fixture.logs.all.contains { $0.contains("secret-place") }, "\(fixture.logs.all)")
        #expect(outcome.status.contains("3 need a restart"))

        // Still different from what runs: the next reload reports them again.
        let again = await fixture.reload.perform(running: outcome.inForce(before: fixture.running))
        #expect(again == outcome)
    }

    @Test(arguments: [
        ("dispatch:\n  concurency: 2\n", "dispatch.concurency"),
        ("dispatch:\n  concurrency: 500\n", "dispatch.concurrency"),
        ("log:\n  level: loud\n", "log.level"),
        ("dispatch: [unclosed\n", "config"),
    ])
    func aBadConfigurationIsRefusedWholeAndNothingChanges(yaml: String, key: String) async throws {
        let fixture = try await ReloadFixture(Self.start)
        // A valid live change next to the bad key must not be applied either.
        try fixture.write(ConfigurationFixture.accountYAML + "api:\n  allowedUIDs: [4321]\n" + yaml)
        let outcome = await fixture.reload.perform(running: fixture.running)
        guard case .refused(let error) = outcome else {
            Issue.record("not refused: \(outcome)")
            return
        }
        #expect(error.key == key)
        #expect(error.source == fixture.file || error.key != "config")
        #expect(outcome.inForce(before: fixture.running) == fixture.running)
        #expect(fixture.settings.logLevel.level == .info)
        #expect(fixture.settings.peerPolicy.current.allowedUIDs == [1000])
        #expect(await fixture.dispatcher.concurrency == 8)
        #expect(await fixture.queue.configurationInForce.admissionLimit == 8)

        let errors = fixture.lines(at: "error")
        #expect(errors.count == 1)
        #expect(errors.first?.contains(key) == true, "\(errors)")
        #expect(errors.first?.contains("the running configuration stays") == true)
        #expect(outcome.status.contains("refused"))
    }

    @Test func anUnchangedConfigurationChangesNothing() async throws {
        let fixture = try await ReloadFixture(Self.start)
        let outcome = await fixture.reload.perform(running: fixture.running)
        guard case .applied(let change) = outcome else {
            Issue.record("refused: \(outcome)")
            return
        }
        #expect(change.isEmpty)
        #expect(fixture.lines(at: "notice").contains { $0.contains("nothing changed") })
        #expect(fixture.lines(at: "warning").isEmpty)
        #expect(outcome.status == "configuration reloaded: nothing changed")
    }
}
