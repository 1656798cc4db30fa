/// One challenge of a `WWW-Authenticate` header value (RFC 9110 §11.6.1): a scheme and its parameters.
///
/// Parsing is lenient: parameter values may be quoted strings (with `\` escapes) or bare tokens that run up to the
/// next comma or whitespace, as in `MsRtcOAuth href=https://contoso.com/WebTicket/oauthtoken,grant_type="…"`.
struct AuthenticationChallenge: Sendable {
    /// The scheme as written, for example `MsRtcOAuth`.
    var scheme: String
    /// The parameters in order; names in lower case.
    var parameters: [(name: String, value: String)]

    /// The value of the first parameter named `name` (case-insensitive).
    func parameter(_ name: String) -> String? {
        let name = name.lowercased()
        return parameters.first { $0.name == name }?.value
    }

    /// All challenges of one header value, which may combine several (`Bearer …, MsRtcOAuth …`).
    static func parse(_ headerValue: String) -> [AuthenticationChallenge] {
        var scanner = HeaderValueScanner(Array(headerValue.utf8))
        var challenges: [AuthenticationChallenge] = []
        while true {
            scanner.skip { $0 == UInt8(ascii: ",") || isWhitespace($0) }
            guard let scheme = scanner.token() else {
                // Nothing or garbage left: skip one byte so that parsing always ends.
                if scanner.advance() { continue } else { break }
            }
            var challenge = AuthenticationChallenge(scheme: scheme, parameters: [])
            while true {
                let mark = scanner.position
                scanner.skip { $0 == UInt8(ascii: ",") || isWhitespace($0) }
                guard let name = scanner.token() else { break }
                scanner.skip(while: isWhitespace)
                guard scanner.consume(UInt8(ascii: "=")) else {
                    // A token without "=" starts the next challenge.
                    scanner.position = mark
                    break
                }
                scanner.skip(while: isWhitespace)
                let value = scanner.quotedString() ?? scanner.bareValue()
                challenge.parameters.append((name.lowercased(), value))
            }
            challenges.append(challenge)
        }
        return challenges
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}

/// A cursor over the bytes of a header value.
private struct HeaderValueScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func skip(while predicate: (UInt8) -> Bool) {
        while position < bytes.count, predicate(bytes[position]) {
            position += 1
        }
    }

    /// Moves one byte on; `false` at the end.
    mutating func advance() -> Bool {
        guard position < bytes.count else { return false }
        position += 1
        return true
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// An RFC 9110 token (`tchar`s), or `nil` when none starts here.
    mutating func token() -> String? {
        let start = position
        skip(while: Self.isTokenCharacter)
        return position > start ? String(decoding: bytes[start..<position], as: UTF8.self) : nil
    }

    /// A quoted string with `\` escapes removed, or `nil` when none starts here. An unterminated string runs to the
    /// end of the value.
    mutating func quotedString() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        var value: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\"") {
                break
            }
            if byte == UInt8(ascii: "\\"), position < bytes.count {
                value.append(bytes[position])
                position += 1
            } else {
                value.append(byte)
            }
        }
        return String(decoding: value, as: UTF8.self)
    }

    /// An unquoted value: everything up to the next comma or whitespace.
    mutating func bareValue() -> String {
        let start = position
        skip { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
