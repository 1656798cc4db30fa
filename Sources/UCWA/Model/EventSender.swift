/// A block of events from one sender. A sender can occur several times in a response, as event order is preserved.
public struct EventSender: Hashable, Sendable {
    /// The sender's relation, for example `"communication"`.
    public var rel: String
    /// The sender's href.
    public var href: String
    /// The events, in order.
    public var events: [Event]

    /// Creates a sender block.
    public init(rel: String, href: String, events: [Event] = []) {
        self.rel = rel
        self.href = href
        self.events = events
    }
}

extension EventSender: Codable {
    enum CodingKeys: String, CodingKey {
        case rel
        case href
        case events
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.rel = try container.decode(String.self, forKey: .rel)
        self.href = try container.decode(String.self, forKey: .href)
        self.events = try container.decodeIfPresent([Event].self, forKey: .events) ?? []
    }
}
