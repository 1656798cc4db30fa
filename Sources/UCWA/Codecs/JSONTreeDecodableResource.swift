/// A resource decoded from a parsed ``JSONValue`` tree (``JSONValueParser``) rather than through `JSONDecoder`:
/// for the bodies the bridge decodes most, whose embedded resources `JSONDecoder` makes expensive. It must decode
/// exactly what its `Decodable` conformance decodes; where the tree cannot be had or read,
/// ``UCWAResource/decode(json:)`` falls back to that conformance, which then decides.
protocol JSONTreeDecodableResource {
    init(json root: JSONValue) throws(UCWADecodingError)
}
