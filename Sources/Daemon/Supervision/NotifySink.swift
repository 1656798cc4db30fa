import Systemd

/// Where the daemon's `sd_notify(3)` messages go: the service manager through ``SystemdNotifier``, or a recorder in
/// tests.
protocol NotifySink: Sendable {
    /// Whether a service manager listens (`NOTIFY_SOCKET` is set); when it does not, nothing needs to be sent.
    var isSupervised: Bool { get }

    /// Sends `states` in one datagram.
    ///
    /// - Throws: ``SystemdError`` when the message could not be sent.
    func send(_ states: [NotifyState]) throws(SystemdError)
}

extension SystemdNotifier: NotifySink {
    func send(_ states: [NotifyState]) throws(SystemdError) {
        _ = try notify(states)
    }
}
