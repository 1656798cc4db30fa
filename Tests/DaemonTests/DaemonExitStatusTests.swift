import Daemon
import Testing
import UCWA

/// The exit status tells systemd whether a restart can help (`RestartPreventExitStatus=78` in the unit).
struct DaemonExitStatusTests {
    @Test func aRefusedSignInOrABadSettingIsAConfigurationError() {
        let refused = UCWAClientError(
            code: .invalidCredentials,
            reason: "invalid_grant",
            source: "token",
            httpStatus: 400
        )
        #expect(DaemonExitStatus(for: refused) == .configuration)
        #expect(DaemonExitStatus(for: refused).rawValue == 78)
        let setting = ConfigurationError(key: "ucwa.discoveryURL", problem: "must be https", source: "file")
        #expect(DaemonExitStatus(for: setting) == .configuration)
    }

    @Test func aFailureARestartMayCureIsPlainFailure() {
        let unreachable = UCWAClientError(code: .discoveryFailed, reason: "connection refused", source: "discovery")
        #expect(DaemonExitStatus(for: unreachable) == .failure)
        #expect(DaemonExitStatus(for: CancellationError()).rawValue == 1)
    }
}
