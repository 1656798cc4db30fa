/// One event of an event-channel response.
///
/// The outcome of an operation lives on the event (``status`` and ``reason``), not on the embedded resource.
public struct Event: Hashable, Sendable {
    /// The resource the event is about.
    public var link: Link
    /// The collection the resource was added to or removed from (the `in` property).
    public var collection: Link?
    /// What happened.
    public var type: EventType
    /// For operations: the outcome, on `completed` events.
    public var status: EventStatus?
    /// For failed operations or server-initiated changes: why.
    public var reason: ErrorReason?
    /// Embedded resources, keyed by link relation.
    public var embedded: EmbeddedResources

    /// Creates an event.
    public init(
        link: Link,
        collection: Link? = nil,
        type: EventType,
        status: EventStatus? = nil,
        reason: ErrorReason? = nil,
        embedded: EmbeddedResources = EmbeddedResources()
    ) {
        self.link = link
        self.collection = collection
        self.type = type
        self.status = status
        self.reason = reason
        self.embedded = embedded
    }

    /// The resource embedded under the event's `link.rel` (`_embedded[link.rel]`), as Microsoft's Events.js reads it.
    public var embeddedResource: JSONValue? {
        embedded[link.rel]
    }

    /// The `operationId` of the embedded operation resource, if the event carries one.
    public var operationId: String? {
        embeddedResource?["operationId"]?.stringValue
    }

    /// Decodes the embedded resource (`_embedded[link.rel]`) as `type`; `nil` when the event embeds none.
    public func embeddedResource<Resource: Decodable>(
        as type: Resource.Type
    ) throws(UCWADecodingError) -> Resource? {
        try embedded.decode(type, rel: link.rel)
    }

    /// Whether this is a `completed` event whose status is not `Success` (or is missing).
    public var isFailedCompletion: Bool {
        type == .completed && !(status?.isSuccess ?? false)
    }
}

extension Event: Codable {
    enum CodingKeys: String, CodingKey {
        case link
        case collection = "in"
        case type
        case status
        case reason
        case embedded = "_embedded"
    }

    /// Decodes an event. A `reason` that is not a valid error body is dropped rather than failing the whole events
    /// response, whose `next` link must still be followed; ``status`` still tells the failure.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.link = try container.decode(Link.self, forKey: .link)
        self.collection = try? container.decodeIfPresent(Link.self, forKey: .collection)
        self.type = try container.decode(EventType.self, forKey: .type)
        self.status = try container.decodeIfPresent(EventStatus.self, forKey: .status)
        self.reason = try? container.decodeIfPresent(ErrorReason.self, forKey: .reason)
        self.embedded = try container.decodeIfPresent(EmbeddedResources.self, forKey: .embedded) ?? .init()
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(link, forKey: .link)
        try container.encodeIfPresent(collection, forKey: .collection)
        try container.encode(type, forKey: .type)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encodeIfPresent(reason, forKey: .reason)
        if !embedded.isEmpty {
            try container.encode(embedded, forKey: .embedded)
        }
    }
}
