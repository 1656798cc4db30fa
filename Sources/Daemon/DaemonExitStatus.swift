import UCWA

/// The exit status of `ucwa-bridged`, chosen so that systemd restarts it only when a restart can help.
///
/// The service unit lists ``configuration`` in `RestartPreventExitStatus=`: a wrong password, a refused user
/// agent or too many applications fail the same way at every start, and restarting would only lock the account
/// sooner.
public enum DaemonExitStatus: Int32, Sendable {
    /// A clean stop (SIGTERM, SIGINT).
    case success = 0
    /// Any other failure: the unit's `Restart=on-failure` starts the daemon again.
    case failure = 1
    /// `EX_CONFIG`: the configuration is wrong, or the UCWA server refused it; a restart cannot help.
    case configuration = 78

    /// The status for the error that ended the daemon.
    public init(for error: any Error) {
        if let error = error as? UCWAClientError, error.isConfigurationError {
            self = .configuration
        } else if error is ConfigurationError {
            self = .configuration
        } else {
            self = .failure
        }
    }
}
