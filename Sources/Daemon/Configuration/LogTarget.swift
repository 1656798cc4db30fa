/// Where the daemon's log goes (`log.target`).
public enum LogTarget: String, Sendable, Hashable, CaseIterable {
    /// journald when stderr is connected to the journal (`$JOURNAL_STREAM`), else stderr.
    case auto
    /// Always journald, with structured fields.
    case journal
    /// Always plain text on stderr.
    case stderr
}
