/// The autodiscovery `root` resource and the `user` resource: documents of links only.
///
/// A `redirect` link means "GET this instead" (after the security check); otherwise `user` (on root) leads to
/// authentication and `applications` (on user) to application creation.
public struct DiscoveryDocument: Hashable, Sendable, Codable, UCWAResource {
    /// The name used in decoding errors.
    public static let resourceName = "discovery"

    /// All links of the document.
    public var links: Links

    /// Creates a document.
    public init(links: Links) {
        self.links = links
    }

    /// The `self` link.
    public var selfLink: Link? { links.selfLink }
    /// The `user` link of the root resource.
    public var user: Link? { links["user"] }
    /// The `redirect` link, when another pool or domain must be asked.
    public var redirect: Link? { links["redirect"] }
    /// The `applications` link of the user resource.
    public var applications: Link? { links["applications"] }
    /// The `xframe` link (browser cross-domain frame; unused by a daemon).
    public var xframe: Link? { links["xframe"] }

    enum CodingKeys: String, CodingKey {
        case links = "_links"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.links = try container.decodeIfPresent(Links.self, forKey: .links) ?? Links()
    }
}
