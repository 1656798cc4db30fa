import Foundation

/// Where discovery starts: an explicit discovery URL, or the sign-in address whose domain names the
/// `lyncdiscoverinternal.<domain>` and `lyncdiscover.<domain>` roots (tried in that order).
public enum DiscoverySource: Hashable, Sendable {
    /// The configuration's `ucwa.discoveryURL`, for example `https://lyncdiscover.contoso.com`.
    case discoveryURL(URL)
    /// The configuration's `ucwa.signInAddress`, for example `bridge@contoso.com`.
    case signInAddress(String)

    /// The domain of a sign-in address (the part after `@`, lower case), or `nil` for an explicit URL or a
    /// malformed address.
    public var signInDomain: String? {
        guard case .signInAddress(let address) = self else { return nil }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        return parts[1].lowercased()
    }

    /// The root URLs to try, in order (before any ``DiscoveryHostMapping``).
    public var rootURLs: [URL] {
        switch self {
        case .discoveryURL(let url):
            return [url]
        case .signInAddress:
            guard let domain = signInDomain else { return [] }
            return ["https://lyncdiscoverinternal.\(domain)", "https://lyncdiscover.\(domain)"].compactMap {
                URL(string: $0)
            }
        }
    }
}
