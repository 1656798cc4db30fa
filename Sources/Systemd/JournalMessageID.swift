/// A 128-bit id that marks one kind of event in the journal (`MESSAGE_ID`), written as 32 lower-case hexadecimal
/// digits, as `journalctl --new-id128` prints it and as message catalogs (`journalctl --catalog`) key their entries.
public struct JournalMessageID: Sendable, Hashable, CustomStringConvertible {
    /// The 32 lower-case hexadecimal digits.
    public let rawValue: String

    /// The id written as 32 hexadecimal digits (either case); `nil` for anything else.
    public init?(_ text: String) {
        let digits = text.lowercased()
        guard digits.utf8.count == 32, digits.utf8.allSatisfy({ Self.isHexDigit($0) }) else { return nil }
        rawValue = digits
    }

    public var description: String { rawValue }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
