/// The names of the metrics `GET /metrics` exposes; part of the interface (dashboards and alerts use them).
public enum MetricNames {
    /// Gauge, label `state`: requests in the store by state, read at each scrape.
    public static let queueRequests = "ucwa_bridge_queue_requests"
    /// Gauge: seconds since the oldest `accepted`/`retryScheduled` request was accepted (0 when none waits).
    public static let queueOldestAge = "ucwa_bridge_queue_oldest_age_seconds"
    /// Counter, label `outcome` (`delivered`, `failed`, `cancelled`, `expired`): requests that ended.
    public static let requestsFinished = "ucwa_bridge_requests_finished_total"
    /// Counter: attempts started (each with its own operationId).
    public static let attempts = "ucwa_bridge_attempts_total"
    /// Counter, label `reason` (`ServiceFailure/CallbackChannelError`, `http503`, `noAnswer`, ...): retries scheduled.
    public static let retries = "ucwa_bridge_retries_total"
    /// Counter: attempts sent again after their outcome stayed unknown (the only possible duplicates).
    public static let ambiguousResends = "ucwa_bridge_ambiguous_resends_total"
    /// Counter: event channel reconnects.
    public static let eventChannelReconnects = "ucwa_bridge_event_channel_reconnects_total"
    /// Counter: event channel resets (`resume`, `resync`, new application, channel ended) seen by the dispatcher.
    public static let eventChannelResets = "ucwa_bridge_event_channel_resets_total"
    /// Histogram: seconds from the start of the attempt that ended a request to `delivered` or `failed`.
    public static let dispatchToCompleted = "ucwa_bridge_dispatch_to_completed_seconds"
    /// Counter, labels `method`, `route`, `status`: API requests answered.
    public static let apiRequests = "ucwa_bridge_api_requests_total"
}
