/// The name of a journal field, valid by construction: only `A`–`Z`, `0`–`9` and `_`, not starting with a digit or
/// an underscore (a leading `_` is journald's namespace of trusted fields, which it drops from clients), at most
/// 64 characters (see systemd.journal-fields(7)).
///
/// ``init(mapping:avoiding:)`` turns any key into such a name without losing it: `request-id` and `requestId` both
/// become `REQUEST_ID`, `retryIn` becomes `RETRY_IN`; other characters become `_`; a name that would start with a
/// digit or `_`, or that is one of the names the caller keeps for itself (`MESSAGE`, `PRIORITY`, …), is sent as
/// ``escapePrefix`` + name instead, so that it can neither be dropped by journald nor replace a field the handler
/// wrote.
public struct JournalFieldName: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The name, such as `REQUEST_ID`.
    public let rawValue: String

    /// The longest name journald accepts.
    public static let maximumLength = 64

    /// What is put before a name that journald would refuse or that is reserved.
    public static let escapePrefix = "META_"

    /// The fields every entry of ``JournalEntry`` writes itself, and the fields journald gives a meaning to;
    /// a mapped name never equals one of them (and never starts with `CODE_`).
    public static let reserved: Set<JournalFieldName> = [
        .message, .messageID, .priority, .syslogIdentifier, .codeFile, .codeLine, .codeFunction,
        "SYSLOG_FACILITY", "SYSLOG_PID", "SYSLOG_TIMESTAMP", "SYSLOG_RAW", "ERRNO", "TID", "DOCUMENTATION",
        "INVOCATION_ID", "USER_INVOCATION_ID", "UNIT", "USER_UNIT", "OBJECT_PID", "COREDUMP_UNIT",
        "COREDUMP_USER_UNIT",
    ]

    /// The human-readable text of the entry.
    public static let message: JournalFieldName = "MESSAGE"
    /// The 128-bit id of the kind of event (``JournalMessageID``).
    public static let messageID: JournalFieldName = "MESSAGE_ID"
    /// The syslog severity, 0–7 (``JournalPriority``).
    public static let priority: JournalFieldName = "PRIORITY"
    /// The program's name, as `journalctl -t` selects it.
    public static let syslogIdentifier: JournalFieldName = "SYSLOG_IDENTIFIER"
    /// The source file of the log call.
    public static let codeFile: JournalFieldName = "CODE_FILE"
    /// The line of the log call.
    public static let codeLine: JournalFieldName = "CODE_LINE"
    /// The function of the log call.
    public static let codeFunction: JournalFieldName = "CODE_FUNC"

    /// The name `text`, or `nil` when journald would not accept it from a client as it is.
    public init?(validating text: String) {
        guard Self.isValid(text) else { return nil }
        rawValue = text
    }

    /// The journal name for an arbitrary key (a swift-log metadata key, say), never one of `reserved`.
    ///
    /// camelCase and kebab-case both become UPPER_SNAKE_CASE (`retryIn`, `retry-in` → `RETRY_IN`; `HTTPStatus` →
    /// `HTTP_STATUS`); every character other than ASCII letters and digits becomes `_`; a name that would start
    /// with a digit or `_`, an empty one, a reserved one and one starting with `CODE_` get ``escapePrefix``; the
    /// result is cut to 64 characters. Different keys may map to one name: journald keeps every value of a
    /// repeated field, so nothing is lost.
    public init(mapping key: String, avoiding reserved: Set<JournalFieldName> = JournalFieldName.reserved) {
        var name = Self.upperSnakeCase(key)
        if name.utf8.first.map({ $0 == UInt8(ascii: "_") || Self.isDigit($0) }) ?? true {
            name = Self.escapePrefix + name
        }
        name = String(name.prefix(Self.maximumLength))
        if reserved.contains(JournalFieldName(unchecked: name)) || name.hasPrefix("CODE_") {
            name = String((Self.escapePrefix + name).prefix(Self.maximumLength))
        }
        rawValue = name
    }

    private init(unchecked rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: JournalFieldName, rhs: JournalFieldName) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// Whether journald accepts `text` as the name of a field sent by a client.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, bytes.count <= maximumLength else { return false }
        guard first != UInt8(ascii: "_"), !isDigit(first) else { return false }
        return bytes.allSatisfy { isUpper($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    /// `requestId`, `request-id`, `HTTPStatus` → `REQUEST_ID`, `REQUEST_ID`, `HTTP_STATUS`.
    private static func upperSnakeCase(_ key: String) -> String {
        let bytes = Array(key.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 4)
        for (index, byte) in bytes.enumerated() {
            if isUpper(byte), index > 0 {
                let previous = bytes[index - 1]
                let next = index + 1 < bytes.count ? bytes[index + 1] : nil
                let startsWord =
                    isLower(previous) || isDigit(previous) || (isUpper(previous) && next.map(isLower) == true)
                if startsWord {
                    output.append(UInt8(ascii: "_"))
                }
            }
            if isLower(byte) {
                output.append(byte - 32)
            } else if isUpper(byte) || isDigit(byte) {
                output.append(byte)
            } else if byte < 0x80 || byte >= 0xC0 {
                // One `_` per character: ASCII punctuation, or the lead byte of a multi-byte UTF-8 sequence.
                output.append(UInt8(ascii: "_"))
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isUpper(_ byte: UInt8) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
    private static func isLower(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}

extension JournalFieldName: ExpressibleByStringLiteral {
    /// A name written in the source, such as `"LOGGER"`; it must be valid (a programming error otherwise).
    public init(stringLiteral value: String) {
        precondition(Self.isValid(value), "\(value) is not a valid journal field name")
        rawValue = value
    }
}
