/// Everything the daemon is configured with: the YAML file (`--config`, default `/etc/ucwa-bridge/config.yaml`),
/// overridden by `UCWA_BRIDGE_*` environment variables, overridden by command-line flags.
///
/// Each property mirrors a key of the file (`ucwa.eventTimeout` is `ucwa.eventTimeout`); a value made with
/// ``init(ucwa:api:state:dispatch:log:)`` and no arguments holds the documented defaults. Secrets are never held:
/// only the paths of the files that contain them, so describing or logging a configuration reveals no secret.
/// ``load(from:requiresCredentials:)`` is the way to get a validated one.
public struct DaemonConfiguration: Sendable, Equatable {
    /// `ucwa.*`: the UCWA account and how to talk to the server.
    public var ucwa: UCWASettings
    /// `api.*`: the local API on its Unix socket.
    public var api: APISettings
    /// `state.*`: where the queue and the application record live.
    public var state: StateSettings
    /// `dispatch.*`: how requests are sent and retried.
    public var dispatch: DispatchSettings
    /// `log.*`: how much is logged and where.
    public var log: LogSettings

    /// Creates a configuration; every part defaults to its documented defaults.
    public init(
        ucwa: UCWASettings = UCWASettings(),
        api: APISettings = APISettings(),
        state: StateSettings = StateSettings(),
        dispatch: DispatchSettings = DispatchSettings(),
        log: LogSettings = LogSettings()
    ) {
        self.ucwa = ucwa
        self.api = api
        self.state = state
        self.dispatch = dispatch
        self.log = log
    }
}
