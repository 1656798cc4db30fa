import Foundation
import LocalAPIModels
import NIOCore
import NIOHTTP1

/// The daemon's local API over its Unix socket, as a local program uses it, on kept-alive connections
/// (``SocketConnections``).
struct LocalAPIClient: Sendable {
    let connections: SocketConnections

    var socketPath: String { connections.socketPath }

    /// `GET /v1/health`.
    func health(timeout: Duration = .seconds(10)) async throws -> HealthView {
        try await call(.GET, "/health", timeout: timeout).answer
    }

    /// `GET /v1/conversation-logs`, newest first.
    func conversationLogs() async throws -> ConversationLogList {
        try await call(.GET, "/conversation-logs").answer
    }

    /// `POST /v1/messages`, with `?wait=` when given (held after the request is stored, as a `GET ?wait=` is);
    /// anything but `202 Accepted` is an error.
    func submit(_ submission: MessageSubmission, wait: String? = nil) async throws -> MessageView {
        let body = try APIJSON.encoder().encode(submission)
        let query = wait.map { "?wait=\($0)" } ?? ""
        let (view, status): (MessageView, Int) = try await call(
            .POST,
            "/messages\(query)",
            body: body,
            timeout: wait == nil ? .seconds(30) : .seconds(90)
        )
        guard status == 202 else { throw BenchmarkError("POST /v1/messages answered \(status), not 202") }
        return view
    }

    /// `GET /v1/messages/{id}`, with `?wait=` when given: held until the state changes or the wait passes.
    func message(id: String, wait: String?) async throws -> MessageView {
        let query = wait.map { "?wait=\($0)" } ?? ""
        return try await call(.GET, "/messages/\(id)\(query)", timeout: .seconds(90)).answer
    }

    private func call<Answer: Decodable>(
        _ method: HTTPMethod,
        _ path: String,
        body: Data? = nil,
        timeout: Duration = .seconds(30)
    ) async throws -> (answer: Answer, status: Int) {
        let uri = APIVersion.pathPrefix + path
        let response = try await connections.call(
            method,
            uri,
            contentType: body == nil ? nil : "application/json",
            body: body.map { ByteBuffer(bytes: $0) },
            timeout: timeout
        )
        let data = Data(response.body.readableBytesView)
        guard (200..<300).contains(response.status) else {
            let text = String(decoding: data.prefix(300), as: UTF8.self)
            throw BenchmarkError("\(method.rawValue) \(uri) answered \(response.status): \(text)")
        }
        return (try APIJSON.decoder().decode(Answer.self, from: data), response.status)
    }
}
