import Foundation

/// An encoded request body with the `Content-Type` header value to send it with.
public struct RequestBody: Hashable, Sendable {
    /// The bytes to send.
    public var bytes: Data
    /// The `Content-Type` header value.
    public var contentType: String

    /// Creates a body.
    public init(bytes: Data, contentType: String) {
        self.bytes = bytes
        self.contentType = contentType
    }
}
