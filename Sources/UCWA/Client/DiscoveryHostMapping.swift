import Foundation

/// Rewrites a URL before the client connects to it; the identity unless a test or a deployment needs otherwise.
///
/// Tests use it to send `https://lyncdiscoverinternal.contoso.com` to the simulator's `http://127.0.0.1:port`
/// without resolving or contacting any real host name. The rewritten URL is what the client connects to and what
/// the loopback rule and the redirect security check see.
public struct DiscoveryHostMapping: Sendable {
    private let rewrite: @Sendable (URL) -> URL?

    /// Maps with a closure; returning `nil` leaves the URL unchanged.
    public init(_ rewrite: @escaping @Sendable (URL) -> URL?) {
        self.rewrite = rewrite
    }

    /// No rewriting.
    public static let identity = DiscoveryHostMapping { _ in nil }

    /// Maps hosts (compared case-insensitively) to base URLs: the scheme, host and port of the base replace the
    /// URL's, its path and query are kept.
    public static func table(_ table: [String: URL]) -> DiscoveryHostMapping {
        let lowered = Dictionary(uniqueKeysWithValues: table.map { ($0.key.lowercased(), $0.value) })
        return DiscoveryHostMapping { url in
            guard let host = url.host?.lowercased(), let base = lowered[host],
                var components = URLComponents(url: url, resolvingAgainstBaseURL: false),
                let baseComponents = URLComponents(url: base, resolvingAgainstBaseURL: false)
            else { return nil }
            components.scheme = baseComponents.scheme
            components.host = baseComponents.host
            components.port = baseComponents.port
            return components.url
        }
    }

    /// The URL to connect to instead of `url`.
    public func map(_ url: URL) -> URL {
        rewrite(url) ?? url
    }
}
