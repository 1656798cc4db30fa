/// The `messagingInvitation` operation resource: what `continueMessaging` and `startMessaging` create, and what
/// the `started`/`updated`/`completed` events embed.
///
/// Its ``state`` is the invitation state (`Connected`, `Failed`, ...); the outcome of the operation is the
/// event's ``Event/status``, a different enumeration.
public struct MessagingInvitation: Hashable, Sendable, UCWAResource {
    /// The name used in decoding errors.
    public static let resourceName = "messagingInvitation"

    /// The invitation state.
    public var state: InvitationState?
    /// `Incoming` or `Outgoing`.
    public var direction: Direction?
    /// The importance.
    public var importance: Importance?
    /// The conversation's thread id.
    public var threadId: String?
    /// The subject.
    public var subject: String?
    /// The client-supplied `operationId`, as the server echoes it.
    public var operationId: String?
    /// The `to` property (a SIP URI) when the server sends it as a property.
    public var to: String?
    /// The links: `self`, `conversation`, `messaging`, `from`, `to`, `cancel`, `message`, ...
    public var links: Links
    /// The participants that accepted (`_embedded.acceptedByParticipant`), on success.
    public var acceptedByParticipants: [Participant]
    /// Every embedded resource, raw.
    public var embedded: EmbeddedResources

    /// Creates an invitation.
    public init(
        state: InvitationState? = nil,
        direction: Direction? = nil,
        importance: Importance? = nil,
        threadId: String? = nil,
        subject: String? = nil,
        operationId: String? = nil,
        to: String? = nil,
        links: Links = Links(),
        acceptedByParticipants: [Participant] = [],
        embedded: EmbeddedResources = EmbeddedResources()
    ) {
        self.state = state
        self.direction = direction
        self.importance = importance
        self.threadId = threadId
        self.subject = subject
        self.operationId = operationId
        self.to = to
        self.links = links
        self.acceptedByParticipants = acceptedByParticipants
        self.embedded = embedded
    }

    /// The `message` link: the invitation's first message as a `data:` URI.
    public var messageLink: Link? { links["message"] }

    /// Decodes the `message` link's `data:` URI; `nil` when the invitation has no message.
    public func message() throws(DataURIError) -> DataURI? {
        guard let href = messageLink?.href else { return nil }
        return try DataURI(parsing: href, source: "messagingInvitation message link")
    }
}

extension MessagingInvitation: Codable {
    enum CodingKeys: String, CodingKey {
        case state
        case direction
        case importance
        case threadId
        case subject
        case operationId
        case to
        case links = "_links"
        case embedded = "_embedded"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let embedded =
            try container.decodeIfPresent(EmbeddedResources.self, forKey: .embedded) ?? EmbeddedResources()
        self.init(
            state: try container.decodeIfPresent(InvitationState.self, forKey: .state),
            direction: try container.decodeIfPresent(Direction.self, forKey: .direction),
            importance: try container.decodeIfPresent(Importance.self, forKey: .importance),
            threadId: try container.decodeIfPresent(String.self, forKey: .threadId),
            subject: try container.decodeIfPresent(String.self, forKey: .subject),
            operationId: try container.decodeIfPresent(String.self, forKey: .operationId),
            to: try? container.decodeIfPresent(String.self, forKey: .to),
            links: try container.decodeIfPresent(Links.self, forKey: .links) ?? Links(),
            acceptedByParticipants: try embedded.decodeList(Participant.self, rel: "acceptedByParticipant"),
            embedded: embedded
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(state, forKey: .state)
        try container.encodeIfPresent(direction, forKey: .direction)
        try container.encodeIfPresent(importance, forKey: .importance)
        try container.encodeIfPresent(threadId, forKey: .threadId)
        try container.encodeIfPresent(subject, forKey: .subject)
        try container.encodeIfPresent(operationId, forKey: .operationId)
        try container.encodeIfPresent(to, forKey: .to)
        try container.encode(links, forKey: .links)
        try container.encode(embedded, forKey: .embedded)
    }
}
