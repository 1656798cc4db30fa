/// A recipient of a conversation log (`_embedded.conversationLogRecipient[]`).
public struct ConversationLogRecipient: Hashable, Sendable {
    /// The display name.
    public var displayName: String?
    /// The SIP URI.
    public var sipUri: String?
    /// The links: `self`, `contact`, `contactPhoto`, `contactPresence`.
    public var links: Links

    /// Creates a recipient.
    public init(displayName: String? = nil, sipUri: String? = nil, links: Links = Links()) {
        self.displayName = displayName
        self.sipUri = sipUri
        self.links = links
    }
}

extension ConversationLogRecipient: Codable {
    enum CodingKeys: String, CodingKey {
        case displayName
        case sipUri
        case links = "_links"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.displayName = try container.decodeIfPresent(String.self, forKey: .displayName)
        self.sipUri = try container.decodeIfPresent(String.self, forKey: .sipUri)
        self.links = try container.decodeIfPresent(Links.self, forKey: .links) ?? Links()
    }
}
