import Systemd

/// Where the daemon's records go, once `log.target` has been resolved against the process's standard error.
public enum LogDestination: Sendable, Hashable {
    /// journald, natively, with structured fields (``JournalLogHandler``).
    case journal
    /// Plain lines on standard error (swift-log's `StreamLogHandler`).
    case standardError

    /// The destination for `target`: `journal` and `stderr` as they say; `auto` is the journal when standard
    /// error is connected to it (`$JOURNAL_STREAM` names the device and inode of file descriptor 2, as
    /// systemd.exec(5) describes), standard error otherwise.
    public static func resolve(
        _ target: LogTarget,
        standardErrorIsJournal: @autoclosure () -> Bool = JournalStream.isConnected()
    ) -> LogDestination {
        switch target {
        case .journal: .journal
        case .stderr: .standardError
        case .auto: standardErrorIsJournal() ? .journal : .standardError
        }
    }
}
