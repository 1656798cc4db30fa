import Foundation

/// A text message carried in a `data:` URI (RFC 2397), as UCWA uses for invitation messages.
///
/// Decoding accepts both forms UCWA sends: `;base64` and percent-encoding in which `+` stands for a space (as in
/// Microsoft's GeneralHelper.js), with an optional `charset` parameter (`utf-8`/`utf8`/`us-ascii`, decoded as
/// UTF-8, or `iso-8859-1`/`latin1`). Encoding always writes `data:<type>;base64,<base64 of UTF-8>`, the form the
/// documentation shows for outgoing messages.
public struct DataURI: Hashable, Sendable {
    /// The media type in lower case, for example `text/plain`; `text/plain` when the URI names none.
    public var mediaType: String
    /// The `charset` parameter as written (lower-cased), if any.
    public var charset: String?
    /// The decoded text.
    public var text: String

    /// Creates a value from its parts.
    public init(mediaType: String, charset: String? = nil, text: String) {
        self.mediaType = mediaType
        self.charset = charset
        self.text = text
    }

    /// The message format, when the media type is `text/plain` or `text/html`.
    public var format: MessageFormat? {
        MessageFormat(rawValue: mediaType)
    }

    /// The URI for `text` in `format`: `data:text/plain;base64,…` of the UTF-8 bytes.
    public static func encode(_ text: String, format: MessageFormat = .plain) -> String {
        "data:\(format.mediaType);base64,\(Data(text.utf8).base64EncodedString())"
    }

    /// Parses and decodes a `data:` URI.
    ///
    /// - Parameter source: names where the URI came from in a thrown error.
    /// - Throws: ``DataURIError`` when the URI is malformed or its bytes are not text in the declared charset.
    public init(parsing uri: String, source: String = "data: URI") throws(DataURIError) {
        guard uri.utf8.count >= 5, uri.prefix(5).lowercased() == "data:" else {
            throw DataURIError(code: .notADataURI, reason: "the URI does not start with 'data:'", source: source)
        }
        let afterScheme = uri.dropFirst(5)
        guard let comma = afterScheme.firstIndex(of: ",") else {
            throw DataURIError(code: .missingData, reason: "no ',' before the data", source: source)
        }
        var parameters = afterScheme[..<comma].split(separator: ";", omittingEmptySubsequences: false)
            .map { $0.trimmingSpaces() }
        let payload = afterScheme[afterScheme.index(after: comma)...]
        let isBase64 = parameters.count > 1 && parameters.last?.lowercased() == "base64"
        if isBase64 {
            parameters.removeLast()
        }
        let mediaType = parameters.first.map { $0.lowercased() } ?? ""
        var charset: String?
        for parameter in parameters.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingSpaces().lowercased() == "charset" {
                charset = pair[1].trimmingSpaces().lowercased()
            }
        }
        let bytes =
            try isBase64
            ? Self.base64Bytes(payload, source: source) : Self.percentDecodedBytes(payload, source: source)
        self.init(
            mediaType: mediaType.isEmpty ? "text/plain" : mediaType,
            charset: charset,
            text: try Self.text(from: bytes, charset: charset, source: source)
        )
    }

    private static func base64Bytes(_ payload: Substring, source: String) throws(DataURIError) -> [UInt8] {
        // Whitespace is dropped: the 2025 documentation renders the example URI with a line break inside.
        let compact = String(payload.filter { !$0.isWhitespace })
        let unescaped = compact.contains("%") ? (compact.removingPercentEncoding ?? compact) : compact
        guard let data = Data(base64Encoded: unescaped) else {
            throw DataURIError(code: .invalidBase64, reason: "the data is not valid base64", source: source)
        }
        return Array(data)
    }

    private static func percentDecodedBytes(_ payload: Substring, source: String) throws(DataURIError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(payload.utf8.count)
        var iterator = payload.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw DataURIError(
                        code: .invalidPercentEncoding,
                        reason: "'%' is not followed by two hexadecimal digits",
                        source: source
                    )
                }
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        return bytes
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func text(from bytes: [UInt8], charset: String?, source: String) throws(DataURIError) -> String {
        switch charset {
        case nil, "utf-8", "utf8", "us-ascii", "ascii":
            // RFC 2397 defaults to US-ASCII, a subset of UTF-8; UCWA sends UTF-8 with or without saying so.
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw DataURIError(code: .undecodableText, reason: "the data is not valid UTF-8", source: source)
            }
            return text
        case "iso-8859-1", "latin1", "latin-1":
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        default:
            throw DataURIError(
                code: .unsupportedCharset,
                reason: "charset '\(charset ?? "")' is not supported",
                source: source
            )
        }
    }
}
