/// One page of `GET /v1/messages`, oldest first; pass `next` as `?after=` for the following page.
public struct MessageList: Codable, Sendable, Hashable {
    public var messages: [MessageView]
    /// The cursor of the next page, `null` on the last one.
    public var next: String?

    public init(messages: [MessageView], next: String?) {
        self.messages = messages
        self.next = next
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(messages, forKey: .messages)
        try container.encode(next, forKey: .next)
    }
}
