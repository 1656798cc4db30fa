/// The `conversationLogs` collection: links only. `_links.conversationLog` is an array (possibly of one), which
/// ``Links`` also accepts as a single object.
public struct ConversationLogs: Hashable, Sendable, Codable, UCWAResource {
    /// The name used in decoding errors.
    public static let resourceName = "conversationLogs"

    /// All links of the collection.
    public var links: Links

    /// Creates a collection.
    public init(links: Links) {
        self.links = links
    }

    /// The `conversationLog` links, in document order.
    public var conversationLogs: [Link] { links.all("conversationLog") }

    enum CodingKeys: String, CodingKey {
        case links = "_links"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.links = try container.decodeIfPresent(Links.self, forKey: .links) ?? Links()
    }
}
