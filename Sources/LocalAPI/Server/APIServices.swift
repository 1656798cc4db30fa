import Bridge
import Foundation

/// The parts of the daemon the API serves from.
public struct APIServices: Sendable {
    /// Requests: submit, read, list, cancel, wait.
    public var queue: MessageQueue
    /// `GET /v1/health`.
    public var health: any HealthSource
    /// `GET /v1/conversation-logs`.
    public var conversationLogs: any ConversationLogSource
    /// `GET /metrics`.
    public var metrics: BridgeMetrics
    /// The dispatcher whose counters the metrics copy at each scrape, if any.
    public var dispatcher: Dispatcher?
    /// The wall clock deadlines are checked against.
    public var now: @Sendable () -> Date

    public init(
        queue: MessageQueue,
        health: any HealthSource,
        conversationLogs: any ConversationLogSource,
        metrics: BridgeMetrics,
        dispatcher: Dispatcher? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.queue = queue
        self.health = health
        self.conversationLogs = conversationLogs
        self.metrics = metrics
        self.dispatcher = dispatcher
        self.now = now
    }
}
