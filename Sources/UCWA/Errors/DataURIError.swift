/// A `data:` URI that could not be decoded into text.
public struct DataURIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Backing: String, Hashable, Sendable {
            case notADataURI
            case missingData
            case invalidBase64
            case invalidPercentEncoding
            case unsupportedCharset
            case undecodableText
        }

        let backing: Backing

        /// The string does not start with the `data:` scheme.
        public static let notADataURI = Code(backing: .notADataURI)
        /// There is no `,` separating the media type from the data.
        public static let missingData = Code(backing: .missingData)
        /// The `;base64` data is not valid base64.
        public static let invalidBase64 = Code(backing: .invalidBase64)
        /// A `%` is not followed by two hexadecimal digits.
        public static let invalidPercentEncoding = Code(backing: .invalidPercentEncoding)
        /// The `charset` parameter names a character set this decoder does not know.
        public static let unsupportedCharset = Code(backing: .unsupportedCharset)
        /// The decoded bytes are not valid in the declared character set.
        public static let undecodableText = Code(backing: .undecodableText)

        public var description: String { backing.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// A human-readable explanation; it does not quote the message text.
    public var reason: String
    /// Where the URI came from, for example `"messagingInvitation message link"`.
    public var source: String

    /// Creates an error.
    public init(code: Code, reason: String, source: String = "data: URI") {
        self.code = code
        self.reason = reason
        self.source = source
    }

    public var description: String { "DataURIError.\(code) in \(source): \(reason)" }
}
