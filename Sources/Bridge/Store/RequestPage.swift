/// One bounded page of requests in the store's stable order (`createdAt`, then `id`).
public struct RequestPage: Hashable, Sendable {
    /// The requests of this page, oldest first, with their attempts.
    public var requests: [MessageRequest]
    /// Where the next page starts, or `nil` when this page is the last.
    public var next: RequestCursor?

    public init(requests: [MessageRequest], next: RequestCursor?) {
        self.requests = requests
        self.next = next
    }
}
