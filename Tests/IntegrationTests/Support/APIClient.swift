import AsyncHTTPClient
import Foundation
import LocalAPIModels

/// Typed calls on the daemon's local API over its Unix socket (`http+unix://`), answering the wire types of
/// `LocalAPIModels`; an answer with an unexpected status throws ``APIClient/Refusal``.
struct APIClient: Sendable {
    /// An answer other than the one expected, with the API's error body when there is one.
    struct Refusal: Error, CustomStringConvertible {
        var endpoint: String
        var status: Int
        var error: APIErrorBody?
        var body: String

        var description: String {
            "\(endpoint) answered \(status): \(error.map { "\($0.message) (\($0.code))" } ?? body)"
        }
    }

    let socketPath: String

    /// `POST /v1/messages`: the status (202 for a new request) and the request.
    func submit(_ submission: MessageSubmission) async throws -> (status: Int, message: MessageView) {
        let body = try APIJSON.encoder().encode(submission)
        let answer = try await send(.POST, "/v1/messages", json: body)
        guard answer.status == 202 || answer.status == 200 else { throw refusal("POST /v1/messages", answer) }
        return (answer.status, try decode(MessageView.self, answer, "POST /v1/messages"))
    }

    /// `GET /v1/messages/{id}`, with `?wait=Ns` when `wait` is given.
    func message(id: String, wait: Duration? = nil, from seen: MessageState? = nil) async throws -> MessageView {
        var uri = "/v1/messages/\(id)"
        var timeout = Duration.seconds(30)
        if let wait {
            let seconds = max(1, wait.components.seconds)
            uri += "?wait=\(seconds)s"
            if let seen {
                uri += "&from=\(seen.rawValue)"
            }
            timeout = .seconds(seconds + 30)
        }
        return try await get(uri, as: MessageView.self, timeout: timeout)
    }

    /// `GET /v1/messages`: one page.
    func messages(state: MessageState? = nil, after: String? = nil, limit: Int? = nil) async throws -> MessageList {
        var query: [String] = []
        if let state { query.append("state=\(state.rawValue)") }
        if let after {
            query.append("after=\(after.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? after)")
        }
        if let limit { query.append("limit=\(limit)") }
        let uri = "/v1/messages" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        return try await get(uri, as: MessageList.self)
    }

    /// Every request (of `state`, when given), following the pages; bounded at 1000 pages.
    func allMessages(state: MessageState? = nil) async throws -> [MessageView] {
        var messages: [MessageView] = []
        var cursor: String?
        for _ in 0..<1000 {
            let page = try await self.messages(state: state, after: cursor)
            messages += page.messages
            guard let next = page.next else { return messages }
            guard next != cursor else { throw IntegrationError("GET /v1/messages repeated the cursor \(next)") }
            cursor = next
        }
        throw IntegrationError("GET /v1/messages did not end after 1000 pages")
    }

    /// `DELETE /v1/messages/{id}`.
    func cancel(id: String) async throws -> MessageView {
        let answer = try await send(.DELETE, "/v1/messages/\(id)")
        guard answer.status == 200 else { throw refusal("DELETE /v1/messages/\(id)", answer) }
        return try decode(MessageView.self, answer, "DELETE /v1/messages/\(id)")
    }

    /// `GET /v1/health`.
    func health() async throws -> HealthView {
        try await get("/v1/health", as: HealthView.self)
    }

    /// `GET /v1/conversation-logs`.
    func conversationLogs() async throws -> ConversationLogList {
        try await get("/v1/conversation-logs", as: ConversationLogList.self)
    }

    /// Long-polls `GET /v1/messages/{id}?wait=` until `predicate` holds for the request, bounded by `timeout`.
    /// A poll that comes back at once without a change is followed by a short pause, so that a daemon which
    /// ignores `wait` is not hammered.
    func waitForMessage(
        id: String,
        timeout: Duration,
        until predicate: (MessageView) -> Bool
    ) async throws -> MessageView {
        let clock = ContinuousClock()
        let limit = clock.now + timeout
        var message = try await self.message(id: id)
        while !predicate(message) {
            let remaining = limit - clock.now
            guard remaining > .zero else {
                throw IntegrationError(
                    "request \(id) is still \(message.state.rawValue) after \(timeout) "
                        + "(attempts: \(message.attempts.map { "\($0.operationId):\($0.httpStatus ?? 0)" }))"
                )
            }
            let asked = clock.now
            // `from`: a change between two polls is answered at once, not waited past.
            let next = try await self.message(
                id: id,
                wait: min(.seconds(30), max(remaining, .seconds(1))),
                from: message.state
            )
            if next == message, clock.now - asked < .milliseconds(200) {
                try await Task.sleep(for: .milliseconds(200))
            }
            message = next
        }
        return message
    }

    /// Long-polls until the request is delivered, failed, cancelled or expired.
    func waitUntilFinal(id: String, timeout: Duration) async throws -> MessageView {
        try await waitForMessage(id: id, timeout: timeout) { $0.state.isTerminal }
    }

    // MARK: - HTTP

    func send(
        _ method: HTTPExchange.Method,
        _ uri: String,
        json body: Data? = nil,
        timeout: Duration = .seconds(30)
    ) async throws -> HTTPExchange.Answer {
        guard let url = URL(httpURLWithSocketPath: socketPath, uri: uri) else {
            throw IntegrationError("\(socketPath) cannot be used as a socket URL")
        }
        return try await HTTPExchange.send(method, url.absoluteString, json: body, timeout: timeout)
    }

    private func get<Answer: Decodable>(
        _ uri: String,
        as type: Answer.Type,
        timeout: Duration = .seconds(30)
    ) async throws -> Answer {
        let answer = try await send(.GET, uri, timeout: timeout)
        guard answer.status == 200 else { throw refusal("GET \(uri)", answer) }
        return try decode(type, answer, "GET \(uri)")
    }

    private func decode<Answer: Decodable>(
        _ type: Answer.Type,
        _ answer: HTTPExchange.Answer,
        _ endpoint: String
    ) throws -> Answer {
        do {
            return try APIJSON.decoder().decode(type, from: answer.body)
        } catch {
            throw IntegrationError("\(endpoint) answered a body that is not a \(type): \(error)\n\(answer.text)")
        }
    }

    private func refusal(_ endpoint: String, _ answer: HTTPExchange.Answer) -> Refusal {
        Refusal(
            endpoint: endpoint,
            status: answer.status,
            error: try? APIJSON.decoder().decode(APIErrorBody.self, from: answer.body),
            body: answer.text
        )
    }
}
