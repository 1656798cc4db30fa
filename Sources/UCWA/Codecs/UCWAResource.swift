import Foundation

/// A UCWA resource that can be decoded from a response body.
///
/// ``decode(from:contentType:)`` chooses the codec from the `Content-Type` header: JSON for the JSON media types,
/// XML for the XML media types (only for the resources that have an XML decoder: ``ErrorReason`` and
/// ``EventsResponse``), and ``UCWADecodingError/Code/notAUCWABody`` for anything else, such as the HTML pages that
/// IIS and proxies send.
public protocol UCWAResource: Decodable, Sendable {
    /// The resource's name in errors, for example `"eventsResponse"`.
    static var resourceName: String { get }
}

/// A resource that also has a decoder for the UCWA XML representation.
protocol XMLDecodableResource {
    init(xml root: XMLElementNode) throws(UCWADecodingError)
}

extension UCWAResource {
    /// Decodes a response body according to its `Content-Type` header value.
    ///
    /// - Parameters:
    ///   - body: the response body.
    ///   - contentType: the `Content-Type` header value, or `nil` when the response had none.
    /// - Throws: ``UCWADecodingError`` with code ``UCWADecodingError/Code/emptyBody`` for an empty body,
    ///   ``UCWADecodingError/Code/notAUCWABody`` when the content type is not UCWA JSON or XML, and
    ///   ``UCWADecodingError/Code/malformedSyntax``, ``UCWADecodingError/Code/invalidUTF8`` or
    ///   ``UCWADecodingError/Code/unexpectedStructure`` for a broken UCWA body.
    public static func decode(from body: Data, contentType: String?) throws(UCWADecodingError) -> Self {
        guard !body.isEmpty else {
            throw UCWADecodingError(code: .emptyBody, reason: "the body is empty", source: resourceName)
        }
        guard let format = contentType.flatMap(UCWAMediaType.init)?.bodyFormat else {
            throw UCWADecodingError(
                code: .notAUCWABody,
                reason: "Content-Type '\(contentType ?? "none")' is neither UCWA JSON nor UCWA XML",
                source: resourceName
            )
        }
        switch format {
        case .json:
            return try decode(json: body)
        case .xml:
            return try decode(xml: body)
        }
    }

    /// Decodes a UCWA JSON body.
    public static func decode(json body: Data) throws(UCWADecodingError) -> Self {
        // The tree is the quick way; a body it refuses (a byte-order mark, a trailing comma, an odd value under a
        // key nobody reads, which `JSONDecoder` never looks at) or a shape it cannot read goes the `Decodable` way,
        // which decides, and names the error, exactly as before.
        if let treeType = Self.self as? any JSONTreeDecodableResource.Type,
            let root = try? JSONValueParser.parse(body),
            let resource = (try? treeType.init(json: root)) as? Self
        {
            return resource
        }
        return try JSONBodyDecoding.decode(Self.self, from: body, source: resourceName)
    }

    /// Decodes a UCWA XML body; throws ``UCWADecodingError/Code/unsupportedFormat`` for resources that are only
    /// read as JSON.
    public static func decode(xml body: Data) throws(UCWADecodingError) -> Self {
        guard let xmlType = Self.self as? any XMLDecodableResource.Type else {
            throw UCWADecodingError(
                code: .unsupportedFormat,
                reason: "this resource is only decoded from JSON",
                source: resourceName
            )
        }
        let root = try XMLElementNode.parse(body, source: resourceName)
        guard let resource = try xmlType.init(xml: root) as? Self else {
            throw UCWADecodingError(code: .unsupportedFormat, reason: "no XML decoder", source: resourceName)
        }
        return resource
    }
}
