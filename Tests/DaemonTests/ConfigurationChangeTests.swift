import Foundation
import Testing

@testable import Daemon

@Suite struct ConfigurationChangeTests {
    /// One key and a change of its value away from the default.
    struct Mutation: Sendable, CustomTestStringConvertible {
        let key: String
        let apply: @Sendable (inout DaemonConfiguration) -> Void

        init(_ key: String, _ apply: @escaping @Sendable (inout DaemonConfiguration) -> Void) {
            self.key = key
            self.apply = apply
        }

        var testDescription: String { key }

        func applied(to configuration: DaemonConfiguration) -> DaemonConfiguration {
            var changed = configuration
            apply(&changed)
            return changed
        }
    }

    static let liveMutations: [Mutation] = [
        Mutation("api.allowedUIDs") { $0.api.allowedUIDs = [1000] },
        Mutation("api.allowedGIDs") { $0.api.allowedGIDs = [1000, 1001] },
        Mutation("api.maxMessageBytes") { $0.api.maxMessageBytes = 1024 },
        Mutation("api.maxWait") { $0.api.maxWait = .seconds(30) },
        Mutation("dispatch.concurrency") { $0.dispatch.concurrency = 4 },
        Mutation("dispatch.maxAttempts") { $0.dispatch.maxAttempts = 3 },
        Mutation("dispatch.retry.initialDelay") { $0.dispatch.retry.initialDelay = .seconds(2) },
        Mutation("dispatch.retry.multiplier") { $0.dispatch.retry.multiplier = 3 },
        Mutation("dispatch.retry.maxDelay") { $0.dispatch.retry.maxDelay = .seconds(60) },
        Mutation("dispatch.retry.deadline") { $0.dispatch.retry.deadline = .seconds(1800) },
        Mutation("dispatch.retention") { $0.dispatch.retention = .seconds(24 * 3600) },
        Mutation("log.level") { $0.log.level = .debug },
    ]

    static let restartMutations: [Mutation] = [
        Mutation("ucwa.discoveryURL") { $0.ucwa.discoveryURL = URL(string: "https://lyncdiscover.fabrikam.com") },
        Mutation("ucwa.signInAddress") { $0.ucwa.signInAddress = "bridge@fabrikam.com" },
        Mutation("ucwa.username") { $0.ucwa.username = "other@contoso.com" },
        Mutation("ucwa.passwordFile") { $0.ucwa.passwordFile = "/run/credentials/other/password" },
        Mutation("ucwa.tokenFile") { $0.ucwa.tokenFile = "/run/credentials/other/token" },
        Mutation("ucwa.contentType") { $0.ucwa.contentType = .xml },
        Mutation("ucwa.caFile") { $0.ucwa.caFile = "/etc/ssl/certs/contoso-ca.pem" },
        Mutation("ucwa.userAgent") { $0.ucwa.userAgent = "monitoring-bridge" },
        Mutation("ucwa.eventTimeout") { $0.ucwa.eventTimeout = .seconds(300) },
        Mutation("ucwa.hostMapping") {
            $0.ucwa.hostMapping = ["lyncdiscover.contoso.com": URL(string: "http://127.0.0.1:8443")!]
        },
        Mutation("api.socketPath") { $0.api.socketPath = "/run/other/api.sock" },
        Mutation("api.socketGroup") { $0.api.socketGroup = "wheel" },
        Mutation("state.directory") { $0.state.directory = "/var/lib/other" },
        Mutation("log.target") { $0.log.target = .stderr },
    ]

    @Test func anUnchangedConfigurationIsAnEmptyChange() {
        let running = Self.liveMutations[0].applied(to: DaemonConfiguration())
        let change = ConfigurationChange(from: running, to: running)
        #expect(change.isEmpty)
        #expect(change.changedKeys.isEmpty)
        #expect(change.liveKeys.isEmpty)
        #expect(change.restartKeys.isEmpty)
        #expect(change.inForce == running)
    }

    @Test(arguments: liveMutations)
    func aLiveKeyIsAppliedAndNeedsNoRestart(_ mutation: Mutation) {
        let running = DaemonConfiguration()
        let loaded = mutation.applied(to: running)
        let change = ConfigurationChange(from: running, to: loaded)
        #expect(change.changedKeys == [mutation.key])
        #expect(change.liveKeys == [mutation.key])
        #expect(change.restartKeys.isEmpty)
        #expect(change.inForce == loaded)
    }

    @Test(arguments: restartMutations)
    func aRestartKeyIsReportedAndNotApplied(_ mutation: Mutation) {
        let running = DaemonConfiguration()
        let change = ConfigurationChange(from: running, to: mutation.applied(to: running))
        #expect(change.changedKeys == [mutation.key])
        #expect(change.restartKeys == [mutation.key])
        #expect(change.liveKeys.isEmpty)
        #expect(change.inForce == running)
    }

    @Test func everyConfigurationKeyIsClassifiedOnce() {
        let keys = ConfigurationField.all.map(\.key)
        #expect(Set(keys).count == keys.count, "a key is listed twice")
        #expect(Set(keys) == ConfigurationKeys.all)
        // The two lists above cover every key too, so each key's classification is tested.
        #expect(Set((Self.liveMutations + Self.restartMutations).map(\.key)) == ConfigurationKeys.all)
    }

    @Test func theReloadableKeysAreTheDocumentedOnes() {
        #expect(
            ConfigurationChange.reloadableKeys == [
                "log.level", "dispatch.concurrency", "dispatch.maxAttempts", "dispatch.retention",
                "dispatch.retry.initialDelay", "dispatch.retry.multiplier", "dispatch.retry.maxDelay",
                "dispatch.retry.deadline", "api.allowedUIDs", "api.allowedGIDs", "api.maxMessageBytes", "api.maxWait",
            ]
        )
    }

    @Test func aMixedChangeSplitsTheKeysAndKeepsTheRunningValuesOfRestartKeys() {
        let running = DaemonConfiguration()
        var loaded = running
        loaded.log.level = .warning
        loaded.state.directory = "/var/lib/other"
        loaded.dispatch.concurrency = 2
        loaded.ucwa.passwordFile = "/run/credentials/other/password"
        let change = ConfigurationChange(from: running, to: loaded)
        #expect(change.changedKeys == ["ucwa.passwordFile", "state.directory", "dispatch.concurrency", "log.level"])
        #expect(change.liveKeys == ["dispatch.concurrency", "log.level"])
        #expect(change.restartKeys == ["ucwa.passwordFile", "state.directory"])
        #expect(change.inForce.log.level == .warning)
        #expect(change.inForce.dispatch.concurrency == 2)
        #expect(change.inForce.state.directory == running.state.directory)
        #expect(change.inForce.ucwa.passwordFile == running.ucwa.passwordFile)
    }

    @Test func aChangeNamesKeysNeverValues() {
        let running = DaemonConfiguration()
        var loaded = running
        loaded.ucwa.passwordFile = "/run/credentials/secret-place/password"
        loaded.ucwa.tokenFile = "/run/credentials/secret-place/token"
        let change = ConfigurationChange(from: running, to: loaded)
        let described = "\(change.changedKeys) \(change.liveKeys) \(change.restartKeys)"
        #expect(described.contains("ucwa.passwordFile"))
        #expect(described.contains("ucwa.tokenFile"))
        #expect(!described.contains("secret-place"))
    }
}
