/// Reads the members of one JSON object into typed values, naming the path of anything missing or of the wrong type
/// the way a `JSONDecoder` failure is reported (`missing key 'rel' at .sender[0]`), never quoting the value.
struct JSONObjectReader {
    /// The object's members.
    let members: [String: JSONValue]
    /// Where the object is, e.g. `.sender[0]`; empty for the top level.
    let path: String
    /// Names what is being decoded in a thrown error.
    let source: String

    /// Reads `value`, which must be an object.
    init(_ value: JSONValue, path: String = "", source: String) throws(UCWADecodingError) {
        guard case .object(let members) = value else {
            throw Self.mismatch("an object", at: path, source: source)
        }
        self.members = members
        self.path = path
        self.source = source
    }

    /// The path of the member `key`.
    func path(of key: String) -> String {
        path + "." + key
    }

    /// The member `key`; `nil` when it is absent or `null`.
    func value(_ key: String) -> JSONValue? {
        guard let value = members[key], value != .null else { return nil }
        return value
    }

    /// The string member `key`, which must be present.
    func string(_ key: String) throws(UCWADecodingError) -> String {
        guard let value = members[key] else {
            throw missing(key)
        }
        guard case .string(let text) = value else {
            throw Self.mismatch("a string", at: path(of: key), source: source)
        }
        return text
    }

    /// The string member `key`; `nil` when it is absent or `null`.
    func optionalString(_ key: String) throws(UCWADecodingError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else {
            throw Self.mismatch("a string", at: path(of: key), source: source)
        }
        return text
    }

    /// The whole-number member `key`; `nil` when it is absent or `null`.
    func optionalInt(_ key: String) throws(UCWADecodingError) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .number(let number) = value, let integer = Int(exactly: number) else {
            throw Self.mismatch("a whole number", at: path(of: key), source: source)
        }
        return integer
    }

    /// The member `key` read as an object, when present and not `null`.
    func optionalObject(_ key: String) throws(UCWADecodingError) -> JSONObjectReader? {
        guard let value = value(key) else { return nil }
        return try JSONObjectReader(value, path: path(of: key), source: source)
    }

    /// The object member `key`, which must be present.
    func object(_ key: String) throws(UCWADecodingError) -> JSONObjectReader {
        guard let value = members[key] else {
            throw missing(key)
        }
        return try JSONObjectReader(value, path: path(of: key), source: source)
    }

    /// The array member `key` with the path of each element; empty when it is absent or `null`.
    func optionalArray(_ key: String) throws(UCWADecodingError) -> [(value: JSONValue, path: String)] {
        guard let value = value(key) else { return [] }
        guard case .array(let elements) = value else {
            throw Self.mismatch("an array", at: path(of: key), source: source)
        }
        return elements.enumerated().map { (value: $0.element, path: path(of: key) + "[\($0.offset)]") }
    }

    private func missing(_ key: String) -> UCWADecodingError {
        UCWADecodingError(
            code: .unexpectedStructure,
            reason: "missing key '\(key)' at \(path.isEmpty ? "the top level" : path)",
            source: source
        )
    }

    private static func mismatch(_ expected: String, at path: String, source: String) -> UCWADecodingError {
        UCWADecodingError(
            code: .unexpectedStructure,
            reason: "expected \(expected) at \(path.isEmpty ? "the top level" : path)",
            source: source
        )
    }
}
