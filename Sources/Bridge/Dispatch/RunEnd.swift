/// A request's run has ended and its slot is free: what ``Dispatcher/runEnded`` tells the durable queue.
public struct RunEnd: Sendable, Hashable {
    /// The request whose run ended.
    public let request: RequestID
    /// Whether the request ended in a terminal state. A run that ends otherwise (a retry scheduled, an unstored step,
    /// a drain) left its request due or waiting in the store, with times the queue has not read yet.
    public let isFinal: Bool

    public init(request: RequestID, isFinal: Bool) {
        self.request = request
        self.isFinal = isFinal
    }
}
