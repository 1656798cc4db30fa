/// The successful answer of the `MsRtcOAuth` token endpoint.
///
/// Its textual and reflected forms never show the access token, so it can be logged or dumped safely.
public struct TokenResponse: Hashable, Sendable, UCWAResource {
    /// The name used in decoding errors.
    public static let resourceName = "tokenResponse"

    /// The token, already starting with `cwt=` on premises. Secret.
    public var accessToken: String
    /// The token type, `Bearer`.
    public var tokenType: String
    /// Seconds until the token expires, if the server said so.
    public var expiresIn: Int?
    /// `ms_rtc_identityscope`, for example `local`.
    public var identityScope: String?

    /// Creates a token response.
    public init(accessToken: String, tokenType: String = "Bearer", expiresIn: Int? = nil, identityScope: String? = nil)
    {
        self.accessToken = accessToken
        self.tokenType = tokenType
        self.expiresIn = expiresIn
        self.identityScope = identityScope
    }

    /// The `Authorization` header value: the token type followed by the token. Secret.
    public var authorizationHeaderValue: String {
        "\(tokenType) \(accessToken)"
    }
}

extension TokenResponse: Codable {
    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case identityScope = "ms_rtc_identityscope"
    }

    /// Decodes the response; `expires_in` may be a number or a numeric string, and a missing `token_type` means
    /// `Bearer`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.accessToken = try container.decode(String.self, forKey: .accessToken)
        self.tokenType = try container.decodeIfPresent(String.self, forKey: .tokenType) ?? "Bearer"
        if let seconds = try? container.decodeIfPresent(Int.self, forKey: .expiresIn) {
            self.expiresIn = seconds
        } else if let text = try? container.decodeIfPresent(String.self, forKey: .expiresIn) {
            self.expiresIn = Int(text)
        } else {
            self.expiresIn = nil
        }
        self.identityScope = try container.decodeIfPresent(String.self, forKey: .identityScope)
    }
}

extension TokenResponse: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "TokenResponse(tokenType: \(tokenType), expiresIn: \(expiresIn.map(String.init) ?? "nil"), "
            + "identityScope: \(identityScope ?? "nil"), accessToken: <redacted>)"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "tokenType": tokenType, "expiresIn": expiresIn as Any, "identityScope": identityScope as Any,
                "accessToken": "<redacted>",
            ]
        )
    }
}
