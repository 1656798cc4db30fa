/// The `communication` resource embedded in an application: the entry point for conversations.
///
/// A missing link means the capability is not available to this user ("the absence of a link indicates that the
/// client is not allowed to access that resource").
public struct Communication: Hashable, Sendable {
    /// The links, for example `conversationLogs` and `startMessaging`.
    public var links: Links
    /// `supportedModalities`.
    public var supportedModalities: [String]
    /// `supportedMessageFormats`, for example `["Plain"]`.
    public var supportedMessageFormats: [String]
    /// `conversationHistory` (`None`, `Disabled`, `Enabled`), if present.
    public var conversationHistory: String?
    /// The resource's etag, if present.
    public var etag: String?

    /// Creates a `communication` resource.
    public init(
        links: Links = Links(),
        supportedModalities: [String] = [],
        supportedMessageFormats: [String] = [],
        conversationHistory: String? = nil,
        etag: String? = nil
    ) {
        self.links = links
        self.supportedModalities = supportedModalities
        self.supportedMessageFormats = supportedMessageFormats
        self.conversationHistory = conversationHistory
        self.etag = etag
    }

    /// The `conversationLogs` link; present only where conversation history is supported.
    public var conversationLogs: Link? { links["conversationLogs"] }
    /// The `startMessaging` link.
    public var startMessaging: Link? { links["startMessaging"] }
}

extension Communication: Codable {
    enum CodingKeys: String, CodingKey {
        case links = "_links"
        case supportedModalities
        case supportedMessageFormats
        case conversationHistory
        case etag
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.links = try container.decodeIfPresent(Links.self, forKey: .links) ?? Links()
        self.supportedModalities = try container.decodeIfPresent([String].self, forKey: .supportedModalities) ?? []
        self.supportedMessageFormats =
            try container.decodeIfPresent([String].self, forKey: .supportedMessageFormats) ?? []
        self.conversationHistory = try container.decodeIfPresent(String.self, forKey: .conversationHistory)
        self.etag = try container.decodeIfPresent(String.self, forKey: .etag)
    }
}
