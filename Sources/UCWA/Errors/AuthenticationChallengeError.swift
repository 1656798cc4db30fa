/// The `WWW-Authenticate` headers of a 401 do not carry a usable `MsRtcOAuth` challenge.
public struct AuthenticationChallengeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Backing: String, Hashable, Sendable {
            case noMsRtcOAuthChallenge
            case missingHref
            case invalidHref
        }

        let backing: Backing

        /// No header value contains an `MsRtcOAuth` challenge.
        public static let noMsRtcOAuthChallenge = Code(backing: .noMsRtcOAuthChallenge)
        /// The `MsRtcOAuth` challenge has no `href` parameter.
        public static let missingHref = Code(backing: .missingHref)
        /// The `href` parameter is not an absolute `http`/`https` URL.
        public static let invalidHref = Code(backing: .invalidHref)

        public var description: String { backing.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// A human-readable explanation.
    public var reason: String
    /// Where the challenge was looked for.
    public var source: String

    /// Creates an error.
    public init(code: Code, reason: String, source: String = "WWW-Authenticate") {
        self.code = code
        self.reason = reason
        self.source = source
    }

    public var description: String { "AuthenticationChallengeError.\(code) in \(source): \(reason)" }
}
