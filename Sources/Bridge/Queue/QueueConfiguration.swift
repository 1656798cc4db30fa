/// How the durable queue admits, expires and prunes requests.
public struct QueueConfiguration: Sendable, Hashable {
    /// How many requests the dispatcher works on at once (in flight, or waiting for a slot or the channel); the
    /// rest stay on disk.
    public var admissionLimit: Int
    /// The deadline of a request that did not name one, from its acceptance.
    public var defaultDeadline: Duration
    /// How long finished requests stay queryable before they are deleted.
    public var retention: Duration
    /// The longest the queue sleeps without looking at the store (deadlines, retention) when nothing wakes it.
    public var idleCheckInterval: Duration
    /// How often finished requests older than ``retention`` are deleted.
    public var pruneInterval: Duration
    /// The least time between two looks for waiting requests past their deadline.
    public var expiryCheckInterval: Duration

    public init(
        admissionLimit: Int = 16,
        defaultDeadline: Duration = .seconds(3600),
        retention: Duration = .seconds(168 * 3600),
        idleCheckInterval: Duration = .seconds(30),
        pruneInterval: Duration = .seconds(600),
        expiryCheckInterval: Duration = .seconds(1)
    ) {
        self.admissionLimit = max(1, admissionLimit)
        self.defaultDeadline = defaultDeadline
        self.retention = retention
        self.idleCheckInterval = idleCheckInterval
        self.pruneInterval = pruneInterval
        self.expiryCheckInterval = expiryCheckInterval
    }
}
