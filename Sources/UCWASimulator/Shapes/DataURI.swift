import Foundation

/// An RFC 2397 data: URI as UCWA uses it for invitation messages (protocol notes §5.4):
/// `data:text/plain;base64,<b64>` or `data:text/plain;charset=utf-8,Hi+there%0d%0a`
/// (percent-encoded, `+` as space).
struct DataURI: Sendable, Hashable {
    var mediaType: String
    var charset: String?
    var isBase64: Bool
    var bytes: [UInt8]

    /// The data as UTF-8 text, when it is.
    var text: String? { String(validating: bytes, as: UTF8.self) }

    init?(_ href: String) {
        guard href.prefix(5).lowercased() == "data:", let comma = href.firstIndex(of: ",") else { return nil }
        let header = href[href.index(href.startIndex, offsetBy: 5)..<comma]
        let payload = href[href.index(after: comma)...]
        let parameters = header.split(separator: ";", omittingEmptySubsequences: false)
        mediaType = parameters.first.map { $0.isEmpty ? "text/plain" : $0.lowercased() } ?? "text/plain"
        isBase64 = parameters.dropFirst().contains { $0.lowercased() == "base64" }
        charset = parameters.dropFirst().first { $0.lowercased().hasPrefix("charset=") }.map { String($0.dropFirst(8)) }
        if isBase64 {
            var encoded: String
            if payload.utf8.allSatisfy(Self.isBase64Alphabet) {
                // Nothing to drop and nothing percent-encoded: the common case, without the
                // per-character work below.
                encoded = String(payload)
            } else {
                encoded = String(payload.filter { !$0.isWhitespace })
                if let decoded = encoded.removingPercentEncoding {
                    encoded = decoded
                }
            }
            encoded += String(repeating: "=", count: (4 - encoded.count % 4) % 4)
            guard let data = Data(base64Encoded: encoded) else { return nil }
            bytes = Array(data)
        } else {
            guard let decoded = PercentDecoding.decodeBytes(payload, plusAsSpace: true) else { return nil }
            bytes = decoded
        }
    }

    /// Letters, digits, `+`, `/` and `=`.
    private static func isBase64Alphabet(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
            true
        default:
            false
        }
    }
}
