/// What a reloaded configuration changes against the one the daemon runs with: which keys differ, which of them
/// the daemon applies while running, which need a restart. A pure value: computing it changes nothing.
///
/// It names keys only, never values, so that it can be logged whole: no secret, and no path of one, ever shows.
public struct ConfigurationChange: Sendable, Equatable {
    /// The keys whose value differs, in the order of `config/config.example.yaml`.
    public let changedKeys: [String]
    /// The changed keys the running daemon applies: `log.level`, `dispatch.concurrency`, `dispatch.maxAttempts`,
    /// `dispatch.retention`, `dispatch.retry.*`, `api.allowedUIDs`, `api.allowedGIDs`, `api.maxMessageBytes`,
    /// `api.maxWait`.
    public let liveKeys: [String]
    /// The changed keys that take effect only after a restart (`ucwa.*`, `api.socketPath`, `state.directory`,
    /// `log.target`, ...).
    public let restartKeys: [String]
    /// The configuration in force once the live keys are applied: the running one with the live keys' new values
    /// and the restart keys' old ones. The next reload is compared against it, so a restart key that still differs
    /// is reported again.
    public let inForce: DaemonConfiguration

    /// Every key a running daemon applies on reload.
    public static let reloadableKeys: Set<String> = Set(ConfigurationField.all.filter(\.isLive).map(\.key))

    /// Compares `loaded` (just read) with `running` (in force now).
    public init(from running: DaemonConfiguration, to loaded: DaemonConfiguration) {
        var changed: [String] = []
        var live: [String] = []
        var restart: [String] = []
        var inForce = running
        for field in ConfigurationField.all where field.differs(running, loaded) {
            changed.append(field.key)
            if field.isLive {
                live.append(field.key)
                field.adopt(&inForce, loaded)
            } else {
                restart.append(field.key)
            }
        }
        changedKeys = changed
        liveKeys = live
        restartKeys = restart
        self.inForce = inForce
    }

    /// Whether no key changed.
    public var isEmpty: Bool {
        changedKeys.isEmpty
    }
}
