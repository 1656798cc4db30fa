import Foundation
import NIOHTTP1

/// A complete HTTP response from the UCWA side: status, headers and body.
public struct UCWAResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The response headers.
    public var headers: HTTPHeaders
    /// The body, possibly empty.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders, body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The `Location` header (the operation's URL after a 201), as sent.
    public var location: String? { headers.first(name: "Location") }

    /// The `Content-Type` header.
    public var contentType: String? { headers.first(name: "Content-Type") }

    /// Whether the body is UCWA JSON or XML by its content type.
    public var hasUCWABody: Bool {
        !body.isEmpty && contentType.flatMap(UCWAMediaType.init)?.bodyFormat != nil
    }

    /// Decodes the body as `resource` by its content type.
    public func decode<Resource: UCWAResource>(_ resource: Resource.Type) throws(UCWADecodingError) -> Resource {
        try Resource.decode(from: body, contentType: contentType)
    }
}

extension UCWAResponse: CustomStringConvertible {
    /// Status and content type only: bodies and headers may carry secrets or personal data.
    public var description: String {
        "UCWAResponse(status: \(status), contentType: \(contentType ?? "none"), bytes: \(body.count))"
    }
}
