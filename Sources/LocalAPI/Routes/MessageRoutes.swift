import Bridge
import Foundation
import Hummingbird
import LocalAPIModels
import Logging

/// `POST /v1/messages`, `GET /v1/messages/{id}`, `GET /v1/messages`, `DELETE /v1/messages/{id}`.
///
/// Every route needs the queue, which exists once the UCWA application is open: before the gate opens, each answers
/// `503 unavailable` with `Retry-After` (``APIServiceGate/unavailable(now:)``) without reading the request.
struct MessageRoutes: Sendable {
    let gate: APIServiceGate
    /// `api.maxMessageBytes` and `api.maxWait`, read once by each submission and each `GET` of a request.
    let limits: LiveSubmissionLimits
    let shutdown: ShutdownSignal

    /// Queues a request: `202` with it when new, `200` with the first one for a repeated idempotencyKey, and
    /// `Location: /v1/messages/{id}` either way. Nothing is stored on any error.
    ///
    /// With `?wait=`, the answer (status and `Location` unchanged) is held after the request is stored, as
    /// ``get(_:_:)`` holds it from the state the request was stored in: a script that waits for the outcome makes
    /// one call instead of two. The request is queued whatever becomes of the held answer.
    @Sendable func submit(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let services = try gate.openServices()
        let queue = services.queue
        let current = limits.current
        let query = try QueryParameters(request, allowed: ["wait", "until"])
        let wait = try query["wait"].map { text throws(APIError) in
            try WaitDuration.wait(text, maximum: current.maximumWait)
        }
        let target = try WaitTargetParameter.target(query["until"])
        let body = try await JSONBody.read(request, limit: current.maximumBodyBytes)
        let draft = try SubmissionValidator(rules: current.rules, now: services.now()).draft(from: body)
        // Opened before the insert, so that the wait needs no read of the new request.
        let watch = wait.map { _ in queue.watch(draft.id, until: target) }
        let insertion: RequestInsertion
        do {
            insertion = try await queue.enqueue(draft)
        } catch {
            watch?.end()
            throw APIError(error)
        }
        var stored = insertion.request
        if let wait, let watch {
            stored = await held(insertion, watch: watch, within: wait, until: target, in: queue, logger: context.logger)
        }
        var headers = HTTPFields()
        headers[.location] = Self.location(of: stored.id)
        let status: HTTPResponse.Status =
            switch insertion {
            case .created: .accepted
            case .existing: .ok
            }
        return APIResponse.json(MessageView(stored), status: status, headers: headers)
    }

    /// One request; with `?wait=`, held until its state changes (with `&until=final`, until it is final) or the
    /// wait (capped) passes. `&from=STATE` names the state the client last saw: a change it has not seen yet is
    /// answered at once instead of being waited past.
    @Sendable func get(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let queue = try gate.openServices().queue
        let query = try QueryParameters(request, allowed: ["wait", "until", "from"])
        let id = try Self.id(context)
        let maximumWait = limits.current.maximumWait
        let wait = try query["wait"].map { text throws(APIError) in try WaitDuration.wait(text, maximum: maximumWait) }
        let target = try WaitTargetParameter.target(query["until"])
        let seen = try StateParameter.state(query["from"], name: "from")
        let found: MessageRequest?
        do throws(QueueError) {
            if let wait {
                found = try await changed(id, from: seen, within: wait, until: target, in: queue)
            } else {
                found = try await queue.request(id)
            }
        } catch {
            throw APIError(error)
        }
        guard let found else {
            throw Self.notFound(id)
        }
        return APIResponse.json(MessageView(found))
    }

    /// A submission's request once it changed from the state it was stored in (or became final) or `wait` passed; as
    /// it is now when the server starts stopping first. It is queued whatever happens: a failed read answers it as
    /// stored.
    private func held(
        _ insertion: RequestInsertion,
        watch: RequestWatch,
        within wait: Duration,
        until target: WaitTarget,
        in queue: MessageQueue,
        logger: Logger
    ) async -> MessageRequest {
        guard case .created(let created) = insertion else {
            watch.end()
            let existing = insertion.request
            do throws(QueueError) {
                return try await changed(existing.id, from: existing.state, within: wait, until: target, in: queue)
                    ?? existing
            } catch {
                logger.warning(
                    "could not read a queued request again while holding its answer",
                    metadata: ["request-id": "\(existing.id)", "error": "\(error)"]
                )
                return existing
            }
        }
        let outcome = await shutdown.unlessStopping {
            await queue.change(watch, current: created, from: created.state, within: wait)
        }
        if let outcome {
            return outcome
        }
        watch.end()
        return (try? await queue.request(created.id)) ?? created
    }

    /// The request once its state changed (or became final) or `wait` passed; as it is now when the server starts
    /// stopping first.
    private func changed(
        _ id: Bridge.RequestID,
        from seen: RequestState?,
        within wait: Duration,
        until target: WaitTarget,
        in queue: MessageQueue
    ) async throws(QueueError) -> MessageRequest? {
        let outcome = await shutdown.unlessStopping { () async -> Result<MessageRequest?, QueueError> in
            do throws(QueueError) {
                return .success(try await queue.change(of: id, from: seen, within: wait, until: target))
            } catch {
                return .failure(error)
            }
        }
        guard let outcome else {
            return try await queue.request(id)
        }
        return try outcome.get()
    }

    /// One page of requests, oldest first.
    @Sendable func list(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let queue = try gate.openServices().queue
        let query = try ListQuery(QueryParameters(request, allowed: ["state", "after", "limit"]))
        let page: RequestPage
        do throws(QueueError) {
            page = try await queue.list(state: query.state, after: query.after, limit: query.limit)
        } catch {
            throw APIError(error)
        }
        return try APIResponse.json(MessageList(page))
    }

    /// Cancels a request that has not been dispatched: `200` with it, `404`, or `409` once it is in flight or over.
    @Sendable func cancel(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let services = try gate.openServices()
        _ = try QueryParameters(request, allowed: [])
        let id = try Self.id(context)
        let cancelled: MessageRequest
        do {
            cancelled = try await services.queue.cancel(id)
        } catch {
            throw APIError(error)
        }
        services.metrics.recordOutcome(.cancelled)
        return APIResponse.json(MessageView(cancelled))
    }

    /// `/v1/messages/{id}`.
    static func location(of id: Bridge.RequestID) -> String {
        "\(APIVersion.pathPrefix)/messages/\(id.rawValue)"
    }

    private static func id(_ context: APIRequestContext) throws(APIError) -> Bridge.RequestID {
        guard let id = context.parameters.get("id"), !id.isEmpty else {
            throw APIError(.notFound, "no request id in the path")
        }
        return Bridge.RequestID(id)
    }

    private static func notFound(_ id: Bridge.RequestID) -> APIError {
        APIError(.notFound, "no request has the id \(id.rawValue.prefix(80))")
    }
}
