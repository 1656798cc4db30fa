/// The `application` resource: the answer to `POST {applications}` (201 for a new one, 200 for an existing one).
public struct Application: Hashable, Sendable, UCWAResource {
    /// The name used in decoding errors.
    public static let resourceName = "application"

    /// `culture`, for example `en-US`.
    public var culture: String?
    /// `userAgent`.
    public var userAgent: String?
    /// `endpointId`.
    public var endpointId: String?
    /// `instanceId`, for multi-instance applications.
    public var instanceId: String?
    /// The links: `self`, `events` (with the first `ack`), `policies`, `batch`, ...
    public var links: Links
    /// The embedded `communication` resource, if embedded.
    public var communication: Communication?
    /// The embedded `me` resource, if embedded.
    public var me: Me?
    /// Every embedded resource, raw.
    public var embedded: EmbeddedResources

    /// Creates an application.
    public init(
        culture: String? = nil,
        userAgent: String? = nil,
        endpointId: String? = nil,
        instanceId: String? = nil,
        links: Links = Links(),
        communication: Communication? = nil,
        me: Me? = nil,
        embedded: EmbeddedResources = EmbeddedResources()
    ) {
        self.culture = culture
        self.userAgent = userAgent
        self.endpointId = endpointId
        self.instanceId = instanceId
        self.links = links
        self.communication = communication
        self.me = me
        self.embedded = embedded
    }

    /// The `self` link: the application's URL, to persist and to DELETE.
    public var selfLink: Link? { links.selfLink }
    /// The `events` link: the first P-GET of the event channel.
    public var events: Link? { links["events"] }
}

extension Application: Codable {
    enum CodingKeys: String, CodingKey {
        case culture
        case userAgent
        case endpointId
        case instanceId
        case links = "_links"
        case embedded = "_embedded"
    }

    /// Decodes an application; the embedded `communication` and `me` resources are decoded eagerly.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let embedded =
            try container.decodeIfPresent(EmbeddedResources.self, forKey: .embedded) ?? EmbeddedResources()
        self.init(
            culture: try container.decodeIfPresent(String.self, forKey: .culture),
            userAgent: try container.decodeIfPresent(String.self, forKey: .userAgent),
            endpointId: try container.decodeIfPresent(String.self, forKey: .endpointId),
            instanceId: try container.decodeIfPresent(String.self, forKey: .instanceId),
            links: try container.decodeIfPresent(Links.self, forKey: .links) ?? Links(),
            communication: try embedded.decode(Communication.self, rel: "communication"),
            me: try embedded.decode(Me.self, rel: "me"),
            embedded: embedded
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(culture, forKey: .culture)
        try container.encodeIfPresent(userAgent, forKey: .userAgent)
        try container.encodeIfPresent(endpointId, forKey: .endpointId)
        try container.encodeIfPresent(instanceId, forKey: .instanceId)
        try container.encode(links, forKey: .links)
        try container.encode(embedded, forKey: .embedded)
    }
}
