import Foundation

/// The body of the `password` grant to the `MsRtcOAuth` token endpoint:
/// `grant_type=password&username=…&password=…`, each value percent-encoded like JavaScript's `encodeURIComponent`
/// (as Microsoft's Authentication.js does).
///
/// Its textual and reflected forms never show the password.
public struct PasswordGrantRequest: Hashable, Sendable {
    /// The `Content-Type` of the body.
    public static let contentType = "application/x-www-form-urlencoded;charset=UTF-8"

    /// The sign-in name, for example `bridge@contoso.com`.
    public var username: String
    /// The password. Secret.
    public var password: String

    /// Creates a request.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// The form-encoded body with its `Content-Type`.
    public var body: RequestBody {
        let form = [("grant_type", "password"), ("username", username), ("password", password)]
            .map { "\($0.0)=\($0.1.uriComponentEncoded)" }
            .joined(separator: "&")
        return RequestBody(bytes: Data(form.utf8), contentType: Self.contentType)
    }
}

extension PasswordGrantRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "PasswordGrantRequest(username: \(username), password: <redacted>)" }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["username": username, "password": "<redacted>"])
    }
}

extension String {
    /// The text percent-encoded as JavaScript's `encodeURIComponent` does: UTF-8 bytes except
    /// `A-Z a-z 0-9 - _ . ! ~ * ' ( )` become `%XX` with upper-case hex digits.
    var uriComponentEncoded: String {
        let hexDigits = Array("0123456789ABCDEF".utf8)
        var encoded: [UInt8] = []
        encoded.reserveCapacity(utf8.count)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                encoded.append(byte)
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "~"),
                UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"):
                encoded.append(byte)
            default:
                encoded += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }
}
