/// Where a request waits between attempts.
public enum RetryScheduling: String, Sendable, Hashable {
    /// The request's run sleeps until the next attempt; the dispatcher keeps every submitted request in memory
    /// until it is terminal. For tests and embedders without a durable queue.
    case inRun
    /// The run ends once the next attempt time is stored (`retryScheduled`) or the request is terminal, and the
    /// dispatcher forgets the request; the durable queue admits it again when it is due (see `MessageQueue`).
    /// Memory then holds only the requests being worked on, however long the queue.
    case byQueue
}
