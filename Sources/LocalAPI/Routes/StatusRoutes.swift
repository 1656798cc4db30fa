import Hummingbird
import LocalAPIModels

/// `GET /v1/health`, `GET /v1/conversation-logs` and `GET /metrics`.
struct StatusRoutes: Sendable {
    let services: APIServices

    /// The Prometheus text format's media type.
    static let metricsMediaType = "text/plain; version=0.0.4"

    /// The health report; always `200`, with `status` saying `ok` or `degraded`.
    @Sendable func health(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        _ = try QueryParameters(request, allowed: [])
        return try APIResponse.json(await services.health.health())
    }

    /// The account's conversation logs, newest first; `?with=sip:...` keeps those with that recipient.
    @Sendable func conversationLogs(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let query = try QueryParameters(request, allowed: ["with"])
        var logs = try await services.conversationLogs.conversationLogs()
        if let with = query["with"] {
            logs = logs.filter { $0.includes(sipURI: with) }
        }
        return try APIResponse.json(ConversationLogList(conversationLogs: logs))
    }

    /// The metrics in the Prometheus text format, refreshed from the queue, the channel and the dispatcher.
    @Sendable func metrics(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        _ = try QueryParameters(request, allowed: [])
        let health = await services.health.health()
        let counters = await services.dispatcher?.counters
        services.metrics.refresh(health: health, counters: counters)
        return APIResponse.text(services.metrics.exposition(), contentType: Self.metricsMediaType)
    }
}
