/// What one configuration reload did.
enum ReloadOutcome: Sendable, Equatable {
    /// The configuration was read; its live keys are in force (nothing when the change is empty), its restart keys
    /// were reported.
    case applied(ConfigurationChange)
    /// The configuration was refused; the running one stays, untouched.
    case refused(ConfigurationError)

    /// The configuration in force after the reload, given the one in force before it.
    func inForce(before running: DaemonConfiguration) -> DaemonConfiguration {
        switch self {
        case .applied(let change): change.inForce
        case .refused: running
        }
    }

    /// The `STATUS=` line sent with `READY=1` at the end of the reload.
    var status: String {
        switch self {
        case .applied(let change) where change.isEmpty:
            "configuration reloaded: nothing changed"
        case .applied(let change) where change.restartKeys.isEmpty:
            "configuration reloaded: \(change.liveKeys.count) changed key(s) applied"
        case .applied(let change):
            "configuration reloaded: \(change.liveKeys.count) changed key(s) applied, "
                + "\(change.restartKeys.count) need a restart"
        case .refused(let error):
            "configuration reload refused, the running configuration stays: \(error)"
        }
    }
}
