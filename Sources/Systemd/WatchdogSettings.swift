import CSystemd

/// The watchdog interval systemd asks of this process (`WatchdogSec=`), read once at start.
public struct WatchdogSettings: Sendable, Hashable {
    /// How long systemd waits for `WATCHDOG=1` before it acts.
    public var timeout: Duration

    /// The interval at which to send `WATCHDOG=1`: half the timeout, as `sd_watchdog_enabled(3)` advises.
    public var pingInterval: Duration {
        timeout / 2
    }

    public init(timeout: Duration) {
        self.timeout = timeout
    }

    /// The watchdog settings for this process, or `nil` when systemd set no watchdog for it.
    public static func current() throws(SystemdError) -> WatchdogSettings? {
        var microseconds: UInt64 = 0
        let result = sd_watchdog_enabled(0, &microseconds)
        if result < 0 {
            throw SystemdError(code: .watchdogQueryFailed, errno: -result, origin: "sd_watchdog_enabled")
        }
        guard result > 0 else { return nil }
        return WatchdogSettings(timeout: .microseconds(Int64(clamping: microseconds)))
    }
}
