/// One field of a journal entry: a valid name and its value, which may hold any text, line breaks included
/// (`sd_journal_sendv(3)` sends such values in its binary form).
public struct JournalField: Sendable, Hashable, CustomStringConvertible {
    public var name: JournalFieldName
    public var value: String

    public init(_ name: JournalFieldName, _ value: String) {
        self.name = name
        self.value = value
    }

    /// `NAME=value`, the bytes of one `iovec` for `sd_journal_sendv`.
    public var assignment: [UInt8] {
        Array(name.rawValue.utf8) + [UInt8(ascii: "=")] + Array(value.utf8)
    }

    public var description: String { "\(name.rawValue)=\(value)" }
}
