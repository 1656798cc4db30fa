import AsyncHTTPClient
import Foundation
import LocalAPIModels
import NIOCore

/// The daemon's local API over its Unix socket (`http+unix://`), as a local program uses it.
struct LocalAPIClient: Sendable {
    let socketPath: String
    let http: HTTPClient

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

    /// The two methods the benchmark uses.
    private enum Verb: String {
        case GET, POST
    }

    private func call<Answer: Decodable>(
        _ method: Verb,
        _ path: String,
        body: Data? = nil,
        timeout: Duration = .seconds(30)
    ) async throws -> (answer: Answer, status: Int) {
        let uri = APIVersion.pathPrefix + path
        guard let url = URL(httpURLWithSocketPath: socketPath, uri: uri) else {
            throw BenchmarkError("\(socketPath) cannot be used as a socket address")
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        switch method {
        case .GET: request.method = .GET
        case .POST: request.method = .POST
        }
        request.headers.add(name: "Accept", value: "application/json")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await http.execute(request, timeout: .init(timeout))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        let data = Data(bytes.readableBytesView)
        let status = Int(response.status.code)
        guard (200..<300).contains(status) else {
            let text = String(decoding: data.prefix(300), as: UTF8.self)
            throw BenchmarkError("\(method.rawValue) \(uri) answered \(status): \(text)")
        }
        return (try APIJSON.decoder().decode(Answer.self, from: data), status)
    }
}
