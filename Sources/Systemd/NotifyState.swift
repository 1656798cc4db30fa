/// One assignment in a message to the service manager, as `sd_notify(3)` defines them.
///
/// The daemon tells systemd when it is ready, what it is doing, that it is alive, and when it
/// stops or reloads. Free text (`status`, `errorText`) has its line breaks replaced by spaces,
/// because a line break would end the assignment and start a new, unintended one.
public enum NotifyState: Sendable, Hashable {
    /// `READY=1`: start-up finished; the API listens and the store is open.
    case ready
    /// `RELOADING=1` with the `MONOTONIC_USEC=` stamp systemd requires for `Type=notify-reload`.
    case reloading(monotonicMicroseconds: UInt64)
    /// `STOPPING=1`: shutdown began.
    case stopping
    /// `STATUS=...`: one line of what the daemon is doing, shown by `systemctl status`.
    case status(String)
    /// `WATCHDOG=1`: the event loop is healthy.
    case watchdog
    /// `WATCHDOG=trigger`: ask systemd to act as if the watchdog timer ran out.
    case watchdogTrigger
    /// `ERRNO=...`: why the daemon failed, as an errno value.
    case errorNumber(Int32)
    /// `MAINPID=...`: the main process, when it is not the sender.
    case mainPID(Int32)

    /// The `KEY=VALUE` line for this state.
    public var assignment: String {
        switch self {
        case .ready:
            return "READY=1"
        case .reloading(let microseconds):
            return "RELOADING=1\nMONOTONIC_USEC=\(microseconds)"
        case .stopping:
            return "STOPPING=1"
        case .status(let text):
            return "STATUS=" + Self.singleLine(text)
        case .watchdog:
            return "WATCHDOG=1"
        case .watchdogTrigger:
            return "WATCHDOG=trigger"
        case .errorNumber(let number):
            return "ERRNO=\(number)"
        case .mainPID(let pid):
            return "MAINPID=\(pid)"
        }
    }

    private static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
