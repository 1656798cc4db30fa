import Foundation

/// An href resolved against a ``UCWAOrigin``: an origin plus a percent-encoded path and query.
///
/// Equality is the normalised comparison UCWA needs to match an event's `link.href` with a 201's `Location`: scheme
/// and host case, default ports and relative versus absolute form do not matter; path and query compare exactly.
public struct ResolvedHref: Hashable, Sendable, CustomStringConvertible {
    /// The origin the href points to; compare it with the UCWA origin before sending anything there.
    public let origin: UCWAOrigin
    /// The percent-encoded path, starting with `/`.
    public let path: String
    /// The percent-encoded query without `?`, if any.
    public let query: String?

    /// Creates a resolved href.
    public init(origin: UCWAOrigin, path: String, query: String? = nil) {
        self.origin = origin
        self.path = path.hasPrefix("/") ? path : "/" + path
        self.query = query
    }

    /// The path and query as sent in a request line, for example `/ucwa/v1/applications/1/events?ack=2`.
    public var pathAndQuery: String {
        query.map { "\(path)?\($0)" } ?? path
    }

    /// The absolute URL string, for example `https://fe1.contoso.com/ucwa/v1/applications/1`.
    public var description: String {
        origin.description + pathAndQuery
    }

    /// The absolute URL; `nil` only if Foundation rejects a path URLComponents accepted.
    public var url: URL? {
        URL(string: description)
    }
}
