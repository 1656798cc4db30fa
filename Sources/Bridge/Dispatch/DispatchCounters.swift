/// Counts the daemon can expose as metrics.
public struct DispatchCounters: Sendable, Hashable {
    /// Attempts started (each with its own operationId).
    public var attempts = 0
    /// Attempts followed by a retry (any cause).
    public var retries = 0
    /// Attempts whose outcome was unknown for the whole grace window and that were therefore sent again: the only
    /// way the bridge can send a message twice.
    public var ambiguousResends = 0
    /// Attempts that entered the grace window (POST without answer, or a channel reset while awaiting events).
    public var ambiguousAttempts = 0
    /// Channel resets (`resume`, `resync`, application re-created, channel ended) seen.
    public var channelResets = 0
    /// Invitations whose state was read because no `completed` event came in time.
    public var outcomeChecks = 0
    /// Journal records that failed.
    public var journalFailures = 0
    /// Requests ready for an attempt but waiting for the event channel to have a P-GET out (a gauge).
    public var waitingForChannel = 0
    /// Events that belonged to one of our operations.
    public var eventsRouted = 0

    public init() {}
}
