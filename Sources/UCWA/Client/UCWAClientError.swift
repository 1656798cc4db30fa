/// Why the UCWA client could not do what it was asked: discovery, authentication, the application, or a request.
///
/// The ``reason`` never contains a token, a password or a response body, so the error can be logged as it is.
public struct UCWAClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Backing: String, Hashable, Sendable {
            case invalidConfiguration
            case insecureURL
            case secretFileUnreadable
            case discoveryFailed
            case redirectRefused
            case hrefOutsideOrigin
            case invalidHref
            case noPasswordGrant
            case invalidCredentials
            case tokenEndpointFailed
            case tokenRejected
            case tooManyApplications
            case userAgentNotAllowed
            case applicationCreationFailed
            case noApplication
            case connectionFailed
            case connectionLost
            case responseTooLarge
            case unexpectedResponse
            case shutDown
        }

        let backing: Backing

        /// The configuration cannot work (a missing setting, an unreadable CA file).
        public static let invalidConfiguration = Code(backing: .invalidConfiguration)
        /// A URL is plain `http` but its host is not a loopback address.
        public static let insecureURL = Code(backing: .insecureURL)
        /// The password or token file cannot be read, or is empty.
        public static let secretFileUnreadable = Code(backing: .secretFileUnreadable)
        /// No discovery URL led to a `user` and `applications` link.
        public static let discoveryFailed = Code(backing: .discoveryFailed)
        /// A discovery `redirect` failed the documented security check.
        public static let redirectRefused = Code(backing: .redirectRefused)
        /// An href resolves outside the UCWA origin; nothing was sent (no request forgery).
        public static let hrefOutsideOrigin = Code(backing: .hrefOutsideOrigin)
        /// An href could not be resolved at all.
        public static let invalidHref = Code(backing: .invalidHref)
        /// The server's `MsRtcOAuth` challenge does not offer the `password` grant.
        public static let noPasswordGrant = Code(backing: .noPasswordGrant)
        /// The token endpoint answered `invalid_grant`: wrong username or password. Never retried.
        public static let invalidCredentials = Code(backing: .invalidCredentials)
        /// The token endpoint failed for a reason that may pass (5xx, connection, unexpected answer).
        public static let tokenEndpointFailed = Code(backing: .tokenEndpointFailed)
        /// The server refused the token even after re-authentication (for a token file: the file holds no newer one).
        public static let tokenRejected = Code(backing: .tokenRejected)
        /// `410 TooManyApplications`: the account has too many applications. Fatal.
        public static let tooManyApplications = Code(backing: .tooManyApplications)
        /// `410 UserAgentNotAllowed`: the server no longer accepts this `userAgent`. Fatal.
        public static let userAgentNotAllowed = Code(backing: .userAgentNotAllowed)
        /// `POST applications` failed for a reason that may pass.
        public static let applicationCreationFailed = Code(backing: .applicationCreationFailed)
        /// No application is open yet, so there is no UCWA origin to send to.
        public static let noApplication = Code(backing: .noApplication)
        /// The connection could not be established, or failed before the request head was written: the request
        /// never reached the server.
        public static let connectionFailed = Code(backing: .connectionFailed)
        /// The connection failed or timed out after the request head was written: the server may have acted on it.
        public static let connectionLost = Code(backing: .connectionLost)
        /// The response body exceeded the client's limit.
        public static let responseTooLarge = Code(backing: .responseTooLarge)
        /// A response did not have the documented shape.
        public static let unexpectedResponse = Code(backing: .unexpectedResponse)
        /// The client was shut down.
        public static let shutDown = Code(backing: .shutDown)

        public var description: String { backing.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// A human-readable explanation, free of secrets and body content.
    public var reason: String
    /// Where it happened, for example `"discovery"`, `"token"`, `"application"` or `"request"`.
    public var source: String
    /// The HTTP status involved, if a response was received.
    public var httpStatus: Int?

    /// Creates an error.
    public init(code: Code, reason: String, source: String, httpStatus: Int? = nil) {
        self.code = code
        self.reason = reason
        self.source = source
        self.httpStatus = httpStatus
    }

    /// Whether retrying cannot help until an administrator changes the configuration or the account
    /// (bad credentials, too many applications, a refused user agent, an insecure URL, an unreadable file).
    public var isConfigurationError: Bool {
        switch code.backing {
        case .invalidConfiguration, .insecureURL, .secretFileUnreadable, .noPasswordGrant, .invalidCredentials,
            .tooManyApplications, .userAgentNotAllowed, .redirectRefused:
            true
        default:
            false
        }
    }

    public var description: String {
        let status = httpStatus.map { " (HTTP \($0))" } ?? ""
        return "UCWAClientError.\(code) in \(source)\(status): \(reason)"
    }
}
