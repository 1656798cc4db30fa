/// The `_embedded` object of a UCWA resource or event, keyed by link relation and kept as raw JSON.
///
/// UCWA keys an event's embedded resource by the event's `link.rel`; the resource's own `rel` may differ.
public struct EmbeddedResources: Hashable, Sendable {
    /// The embedded values by key.
    public var values: [String: JSONValue]

    /// Creates embedded resources.
    public init(_ values: [String: JSONValue] = [:]) {
        self.values = values
    }

    /// The raw embedded value for `rel`.
    public subscript(rel: String) -> JSONValue? {
        values[rel]
    }

    /// Whether nothing is embedded.
    public var isEmpty: Bool {
        values.isEmpty
    }

    /// Decodes the value embedded under `rel` as `type`; `nil` when nothing is embedded there.
    public func decode<Resource: Decodable>(
        _ type: Resource.Type,
        rel: String
    ) throws(UCWADecodingError) -> Resource? {
        guard let value = values[rel] else { return nil }
        return try value.decode(type, source: "_embedded.\(rel)")
    }

    /// Decodes the list embedded under `rel`, accepting a single object as a list of one; empty when absent.
    public func decodeList<Resource: Decodable>(
        _ type: Resource.Type,
        rel: String
    ) throws(UCWADecodingError) -> [Resource] {
        guard let value = values[rel] else { return [] }
        if case .array = value {
            return try value.decode([Resource].self, source: "_embedded.\(rel)")
        }
        return [try value.decode(type, source: "_embedded.\(rel)")]
    }
}

extension EmbeddedResources: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String: JSONValue].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}
