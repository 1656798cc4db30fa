#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import CSystemd

/// Sends state changes to the service manager through `sd_notify(3)`.
///
/// Outside systemd (no `NOTIFY_SOCKET` in the environment) every call is a no-op that reports
/// `false`, so the daemon runs the same way from a terminal. The notifier never unsets the
/// environment: the watchdog and reload paths need it for the life of the process.
public struct SystemdNotifier: Sendable {
    public init() {}

    /// Whether a service manager listens, i.e. `NOTIFY_SOCKET` is set.
    public var isSupervised: Bool {
        getenv("NOTIFY_SOCKET") != nil
    }

    /// Sends the given states in one datagram.
    ///
    /// - Returns: `true` if a message was sent, `false` when no service manager listens.
    /// - Throws: `SystemdError` with the errno when `sd_notify` fails.
    @discardableResult
    public func notify(_ states: NotifyState...) throws(SystemdError) -> Bool {
        try notify(states)
    }

    /// Sends the given states in one datagram; see `notify(_:)`.
    @discardableResult
    public func notify(_ states: [NotifyState]) throws(SystemdError) -> Bool {
        let message = states.map(\.assignment).joined(separator: "\n")
        let result = sd_notify(0, message)
        if result < 0 {
            throw SystemdError(code: .notifyFailed, errno: -result, origin: "sd_notify")
        }
        return result > 0
    }
}
