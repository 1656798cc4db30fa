/// The `me` resource embedded in an application: the signed-in user.
public struct Me: Hashable, Sendable {
    /// The display name.
    public var name: String?
    /// The SIP URI, for example `sip:lenea@contoso.com`.
    public var uri: String?
    /// The links, for example `makeMeAvailable`.
    public var links: Links

    /// Creates a `me` resource.
    public init(name: String? = nil, uri: String? = nil, links: Links = Links()) {
        self.name = name
        self.uri = uri
        self.links = links
    }
}

extension Me: Codable {
    enum CodingKeys: String, CodingKey {
        case name
        case uri
        case links = "_links"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.name = try container.decodeIfPresent(String.self, forKey: .name)
        self.uri = try container.decodeIfPresent(String.self, forKey: .uri)
        self.links = try container.decodeIfPresent(Links.self, forKey: .links) ?? Links()
    }
}
