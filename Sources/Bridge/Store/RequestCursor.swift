import Foundation

/// A position in the store's stable listing order (`createdAt`, then `id`): a page continues after it.
public struct RequestCursor: Hashable, Sendable {
    public var createdAt: Date
    public var id: RequestID

    public init(createdAt: Date, id: RequestID) {
        self.createdAt = createdAt
        self.id = id
    }

    /// The position of `request`.
    public init(after request: MessageRequest) {
        self.init(createdAt: request.createdAt, id: request.id)
    }
}
