/// A `participant` resource, as embedded in `acceptedByParticipant` of a messagingInvitation.
public struct Participant: Hashable, Sendable {
    /// The display name (may be empty).
    public var name: String?
    /// The SIP URI.
    public var uri: String?
    /// `sourceNetwork`, for example `SameEnterprise`.
    public var sourceNetwork: String?
    /// Whether the participant is anonymous.
    public var anonymous: Bool?
    /// The links.
    public var links: Links

    /// Creates a participant.
    public init(
        name: String? = nil,
        uri: String? = nil,
        sourceNetwork: String? = nil,
        anonymous: Bool? = nil,
        links: Links = Links()
    ) {
        self.name = name
        self.uri = uri
        self.sourceNetwork = sourceNetwork
        self.anonymous = anonymous
        self.links = links
    }
}

extension Participant: Codable {
    enum CodingKeys: String, CodingKey {
        case name
        case uri
        case sourceNetwork
        case anonymous
        case links = "_links"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.name = try container.decodeIfPresent(String.self, forKey: .name)
        self.uri = try container.decodeIfPresent(String.self, forKey: .uri)
        self.sourceNetwork = try container.decodeIfPresent(String.self, forKey: .sourceNetwork)
        self.anonymous = try? container.decodeIfPresent(Bool.self, forKey: .anonymous)
        self.links = try container.decodeIfPresent(Links.self, forKey: .links) ?? Links()
    }
}
