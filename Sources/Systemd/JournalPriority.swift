/// The syslog severity of a journal entry, sent as its `PRIORITY` field (0 = emergency … 7 = debug, syslog(3)).
public enum JournalPriority: Int, Sendable, Hashable, CaseIterable, Comparable {
    case emergency = 0
    case alert = 1
    case critical = 2
    case error = 3
    case warning = 4
    case notice = 5
    case informational = 6
    case debug = 7

    /// The field's value, the number as decimal text (`"6"`).
    public var fieldValue: String { String(rawValue) }

    public static func < (lhs: JournalPriority, rhs: JournalPriority) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
