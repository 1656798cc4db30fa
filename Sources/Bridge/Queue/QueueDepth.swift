import Foundation

/// How many requests the store holds in each state, and when the oldest waiting one was accepted.
public struct QueueDepth: Sendable, Hashable {
    public var byState: [RequestState: Int]
    /// The `createdAt` of the oldest `accepted` or `retryScheduled` request.
    public var oldestQueuedAt: Date?

    public init(byState: [RequestState: Int], oldestQueuedAt: Date?) {
        self.byState = byState
        self.oldestQueuedAt = oldestQueuedAt
    }
}
