/// One key of the configuration as a reload sees it: its name, whether a running daemon can take a new value, and
/// how to compare and copy its value.
///
/// ``all`` lists every key of `ConfigurationKeys.all`, in the order of `config/config.example.yaml`; a key added to
/// the configuration must be added here too (a test checks it).
struct ConfigurationField: Sendable {
    /// The key path as the YAML file spells it, such as `dispatch.concurrency`.
    let key: String
    /// Whether a running daemon applies a new value (`true`), or only a restart does (`false`).
    let isLive: Bool
    /// Whether the key's value differs between two configurations.
    let differs: @Sendable (DaemonConfiguration, DaemonConfiguration) -> Bool
    /// Copies the key's value from the second configuration into the first.
    let adopt: @Sendable (inout DaemonConfiguration, DaemonConfiguration) -> Void

    /// The field of `key`, read and written through `path`.
    static func field<Value: Equatable & Sendable>(
        _ key: String,
        live: Bool,
        _ path: WritableKeyPath<DaemonConfiguration, Value> & Sendable
    ) -> ConfigurationField {
        ConfigurationField(
            key: key,
            isLive: live,
            differs: { $0[keyPath: path] != $1[keyPath: path] },
            adopt: { $0[keyPath: path] = $1[keyPath: path] }
        )
    }

    /// Every key. Live: `log.level`, `dispatch.concurrency`, `dispatch.maxAttempts`, `dispatch.retention`,
    /// `dispatch.retry.*`, `api.allowedUIDs`, `api.allowedGIDs`, `api.maxMessageBytes` and `api.maxWait`; every
    /// other key needs a restart.
    static let all: [ConfigurationField] = [
        field("ucwa.discoveryURL", live: false, \.ucwa.discoveryURL),
        field("ucwa.signInAddress", live: false, \.ucwa.signInAddress),
        field("ucwa.username", live: false, \.ucwa.username),
        field("ucwa.passwordFile", live: false, \.ucwa.passwordFile),
        field("ucwa.tokenFile", live: false, \.ucwa.tokenFile),
        field("ucwa.contentType", live: false, \.ucwa.contentType),
        field("ucwa.caFile", live: false, \.ucwa.caFile),
        field("ucwa.userAgent", live: false, \.ucwa.userAgent),
        field("ucwa.eventTimeout", live: false, \.ucwa.eventTimeout),
        field("ucwa.hostMapping", live: false, \.ucwa.hostMapping),
        field("api.socketPath", live: false, \.api.socketPath),
        field("api.socketGroup", live: false, \.api.socketGroup),
        field("api.allowedUIDs", live: true, \.api.allowedUIDs),
        field("api.allowedGIDs", live: true, \.api.allowedGIDs),
        field("api.maxMessageBytes", live: true, \.api.maxMessageBytes),
        field("api.maxWait", live: true, \.api.maxWait),
        field("state.directory", live: false, \.state.directory),
        field("dispatch.concurrency", live: true, \.dispatch.concurrency),
        field("dispatch.maxAttempts", live: true, \.dispatch.maxAttempts),
        field("dispatch.retry.initialDelay", live: true, \.dispatch.retry.initialDelay),
        field("dispatch.retry.multiplier", live: true, \.dispatch.retry.multiplier),
        field("dispatch.retry.maxDelay", live: true, \.dispatch.retry.maxDelay),
        field("dispatch.retry.deadline", live: true, \.dispatch.retry.deadline),
        field("dispatch.retention", live: true, \.dispatch.retention),
        field("log.level", live: true, \.log.level),
        field("log.target", live: false, \.log.target),
    ]
}
