import Foundation

/// Any JSON value, kept as it came so that unknown properties and embedded resources survive decoding.
///
/// Numbers are stored as `Double`; integers beyond 2^53 lose precision, which no UCWA property needs.
public enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// Any number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; member order is not kept.
    case object([String: JSONValue])

    /// The member named `key` when this is an object, otherwise `nil`.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The string when this is a string, otherwise `nil`.
    public var stringValue: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    /// The members when this is an object, otherwise `nil`.
    public var objectValue: [String: JSONValue]? {
        guard case .object(let members) = self else { return nil }
        return members
    }

    /// The elements when this is an array, otherwise `nil`.
    public var arrayValue: [JSONValue]? {
        guard case .array(let elements) = self else { return nil }
        return elements
    }

    /// Decodes this value as `type`, the way `JSONDecoder` would decode the same JSON text.
    ///
    /// - Parameter source: names what is being decoded in a thrown error.
    public func decode<Value: Decodable>(
        _ type: Value.Type,
        source: String
    ) throws(UCWADecodingError) -> Value {
        let data: Data
        do {
            data = try JSONEncoder().encode(self)
        } catch {
            throw UCWADecodingError(
                code: .unexpectedStructure,
                reason: "the value cannot be represented as JSON",
                source: source
            )
        }
        return try JSONBodyDecoding.decode(type, from: data, source: source)
    }
}

extension JSONValue: Codable {
    /// Decodes any JSON value. A failed attempt at a type costs a thrown error, so the types are tried in the
    /// order UCWA bodies use them most (strings, then objects); a JSON decoder never takes one type for another.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else {
            self = .number(try container.decode(Double.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
