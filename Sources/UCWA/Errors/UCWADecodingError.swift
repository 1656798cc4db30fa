/// A UCWA response body that could not be decoded.
///
/// The ``code`` separates infrastructure answers (``Code/notAUCWABody``: an IIS or proxy page) from UCWA bodies that
/// are malformed, so that callers can classify a failed request. The ``reason`` never quotes values from the body,
/// so tokens and other secrets cannot leak into logs through this error.
public struct UCWADecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of decoding failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Backing: String, Hashable, Sendable {
            case emptyBody
            case notAUCWABody
            case invalidUTF8
            case malformedSyntax
            case unexpectedStructure
            case unsupportedFormat
        }

        let backing: Backing

        /// The body has no bytes at all.
        public static let emptyBody = Code(backing: .emptyBody)
        /// The Content-Type is neither UCWA JSON nor UCWA XML: the answer came from infrastructure (IIS, a proxy).
        public static let notAUCWABody = Code(backing: .notAUCWABody)
        /// A JSON body is not valid UTF-8.
        public static let invalidUTF8 = Code(backing: .invalidUTF8)
        /// The body is not well-formed JSON or XML (for example truncated).
        public static let malformedSyntax = Code(backing: .malformedSyntax)
        /// The body is well-formed but does not have the shape of the expected resource (wrong types, missing keys).
        public static let unexpectedStructure = Code(backing: .unexpectedStructure)
        /// The body is UCWA XML, but this resource is only decoded from JSON.
        public static let unsupportedFormat = Code(backing: .unsupportedFormat)

        public var description: String { backing.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// A human-readable explanation, free of body content.
    public var reason: String
    /// What was being decoded, for example `"eventsResponse"` or `"messagingInvitation"`.
    public var source: String

    /// Creates an error.
    public init(code: Code, reason: String, source: String) {
        self.code = code
        self.reason = reason
        self.source = source
    }

    public var description: String { "UCWADecodingError.\(code) decoding \(source): \(reason)" }
}
