/// The OAuth-style body of a failed token request: `400` with `{"error": "invalid_grant"}`.
public struct OAuthErrorResponse: Hashable, Sendable, UCWAResource {
    /// The name used in decoding errors.
    public static let resourceName = "tokenErrorResponse"

    /// The error value; unknown values are kept.
    public var error: OAuthErrorCode
    /// `error_description`, if the server sent one.
    public var errorDescription: String?
    /// `ms_rtc_passiveauthuri`, sent with `invalid_grant` for the passive grant.
    public var passiveAuthURI: String?

    /// Creates an error response.
    public init(error: OAuthErrorCode, errorDescription: String? = nil, passiveAuthURI: String? = nil) {
        self.error = error
        self.errorDescription = errorDescription
        self.passiveAuthURI = passiveAuthURI
    }
}

extension OAuthErrorResponse: Codable {
    enum CodingKeys: String, CodingKey {
        case error
        case errorDescription = "error_description"
        case passiveAuthURI = "ms_rtc_passiveauthuri"
    }
}
