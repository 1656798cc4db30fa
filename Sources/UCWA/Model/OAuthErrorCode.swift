/// The `error` value of a failed token request. Unknown values are kept and round-trip.
public struct OAuthErrorCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The value as sent on the wire.
    public var rawValue: String

    /// Creates a value from its wire form; any string is accepted.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// `invalid_request`.
    public static let invalidRequest = OAuthErrorCode(rawValue: "invalid_request")
    /// Bad credentials.
    public static let invalidGrant = OAuthErrorCode(rawValue: "invalid_grant")
    /// `unsupported_grant_type`.
    public static let unsupportedGrantType = OAuthErrorCode(rawValue: "unsupported_grant_type")
    /// `invalid_scope`.
    public static let invalidScope = OAuthErrorCode(rawValue: "invalid_scope")
    /// `server_error`.
    public static let serverError = OAuthErrorCode(rawValue: "server_error")
}
