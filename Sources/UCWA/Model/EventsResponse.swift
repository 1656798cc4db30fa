/// The response to an event-channel P-GET.
///
/// An empty response (the server's `timeout` expired) has only `self` and `next` and no `sender`.
public struct EventsResponse: Hashable, Sendable, UCWAResource {
    /// The name used in decoding errors.
    public static let resourceName = "eventsResponse"

    /// The response's links: `self` and one of `next`, `resume` or `resync`.
    public var links: Links
    /// The sender blocks, in order; empty when the response carries no events.
    public var senders: [EventSender]

    /// Creates a response.
    public init(links: Links, senders: [EventSender] = []) {
        self.links = links
        self.senders = senders
    }

    /// The `next` link.
    public var next: Link? { links["next"] }
    /// The `resume` link: like `next`, but the server has reset the transient state.
    public var resume: Link? { links["resume"] }
    /// The `resync` link: the client sent an out-of-range `ack`.
    public var resync: Link? { links["resync"] }

    /// Where the channel continues, by the precedence of Microsoft's UCWA 1.0 article: `resync` > `resume` > `next`.
    public var continuation: EventChannelContinuation? {
        if let resync { return .resync(resync) }
        if let resume { return .resume(resume) }
        if let next { return .next(next) }
        return nil
    }

    /// All events of all senders, in document order.
    public var events: [Event] {
        senders.flatMap(\.events)
    }
}

extension EventsResponse: Codable {
    enum CodingKeys: String, CodingKey {
        case links = "_links"
        case senders = "sender"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.links = try container.decodeIfPresent(Links.self, forKey: .links) ?? Links()
        self.senders = try container.decodeIfPresent([EventSender].self, forKey: .senders) ?? []
    }
}
