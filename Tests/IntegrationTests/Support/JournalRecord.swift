import Foundation

/// One journal entry as `journalctl -o json` prints it: every field with its values. A field sent more than once
/// has several values; a value journalctl prints as bytes (not printable text) is decoded as UTF-8.
struct JournalRecord: Sendable, CustomStringConvertible {
    /// Every field's values, in the order journalctl gave them.
    let fields: [String: [String]]

    /// The first value of `name`.
    subscript(_ name: String) -> String? {
        fields[name]?.first
    }

    /// Every value of `name`.
    func values(_ name: String) -> [String] {
        fields[name] ?? []
    }

    /// Whether some value of some field contains `text`.
    func contains(_ text: String) -> Bool {
        fields.values.contains { $0.contains { $0.contains(text) } }
    }

    /// The fields the tests look at, for failure messages.
    var description: String {
        let shown = [
            "MESSAGE", "PRIORITY", "EVENT", "MESSAGE_ID", "REQUEST_ID", "OPERATION_ID", "ATTEMPT", "CODE_FILE",
            "CODE_LINE",
        ]
        return shown.compactMap { name in fields[name].map { "\(name)=\($0.joined(separator: "|"))" } }
            .joined(separator: " ")
    }

    /// The entries of `journalctl -o json` output: one JSON object per line.
    static func parse(_ output: String) throws -> [JournalRecord] {
        try output.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw IntegrationError("journalctl printed a line that is not a JSON object: \(line)")
            }
            var fields: [String: [String]] = [:]
            for (name, value) in object {
                fields[name] = values(of: value)
            }
            return JournalRecord(fields: fields)
        }
    }

    /// A string; bytes (an array of numbers); several values (an array of those); `null` for a value journalctl
    /// left out.
    private static func values(of value: Any) -> [String] {
        switch value {
        case let text as String:
            return [text]
        case let array as [Any]:
            if let bytes = bytes(array) {
                return [String(decoding: bytes, as: UTF8.self)]
            }
            return array.flatMap { values(of: $0) }
        default:
            return []
        }
    }

    private static func bytes(_ array: [Any]) -> [UInt8]? {
        guard !array.isEmpty else { return nil }
        var bytes: [UInt8] = []
        for element in array {
            guard let number = element as? NSNumber, !(element is String) else { return nil }
            bytes.append(number.uint8Value)
        }
        return bytes
    }
}
