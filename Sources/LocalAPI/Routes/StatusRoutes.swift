import Hummingbird
import LocalAPIModels

/// `GET /v1/health`, `GET /v1/conversation-logs` and `GET /metrics`.
///
/// Health and metrics answer in both phases of the ``APIServiceGate``; the conversation logs need the UCWA
/// application and answer `503 unavailable` until the gate opens.
struct StatusRoutes: Sendable {
    let gate: APIServiceGate

    /// The Prometheus text format's media type.
    static let metricsMediaType = "text/plain; version=0.0.4"

    /// The health report; always `200`, with `status` saying `ok` or `degraded` (and the event channel `starting`
    /// until the gate opens).
    @Sendable func health(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        _ = try QueryParameters(request, allowed: [])
        return try APIResponse.json(await gate.health())
    }

    /// The account's conversation logs, newest first; `?with=sip:...` keeps those with that recipient.
    @Sendable func conversationLogs(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let source = try gate.openServices().conversationLogs
        let query = try QueryParameters(request, allowed: ["with"])
        var logs = try await source.conversationLogs()
        if let with = query["with"] {
            logs = logs.filter { $0.includes(sipURI: with) }
        }
        return try APIResponse.json(ConversationLogList(conversationLogs: logs))
    }

    /// The metrics in the Prometheus text format, refreshed from the queue, the channel and the dispatcher (from
    /// the store alone until the gate opens).
    @Sendable func metrics(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        _ = try QueryParameters(request, allowed: [])
        let health = await gate.health()
        let counters = await gate.services?.dispatcher?.counters
        gate.metrics.refresh(health: health, counters: counters)
        return APIResponse.text(gate.metrics.exposition(), contentType: Self.metricsMediaType)
    }
}
