/// An href or origin that cannot be resolved to an `http`/`https` URL.
public struct HrefError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Backing: String, Hashable, Sendable {
            case empty
            case malformed
            case unsupportedScheme
            case missingHost
            case containsCredentials
            case dotSegment
        }

        let backing: Backing

        /// The href is empty.
        public static let empty = Code(backing: .empty)
        /// The href is not a URI reference.
        public static let malformed = Code(backing: .malformed)
        /// The href is absolute but its scheme is not `http` or `https`.
        public static let unsupportedScheme = Code(backing: .unsupportedScheme)
        /// The href is absolute but has no host.
        public static let missingHost = Code(backing: .missingHost)
        /// The href carries user information (`user:password@`), which UCWA never sends.
        public static let containsCredentials = Code(backing: .containsCredentials)
        /// The path has a `.` or `..` segment (literal or percent-encoded), which UCWA never sends and which would
        /// defeat a check that a path lies under the application's own path.
        public static let dotSegment = Code(backing: .dotSegment)

        public var description: String { backing.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// A human-readable explanation.
    public var reason: String
    /// What was being resolved, for example `"href"` or `"origin"`.
    public var source: String

    /// Creates an error.
    public init(code: Code, reason: String, source: String = "href") {
        self.code = code
        self.reason = reason
        self.source = source
    }

    public var description: String { "HrefError.\(code) in \(source): \(reason)" }
}
