import AsyncHTTPClient
import Foundation
import NIOCore

/// One HTTP request and its whole answer, over TCP or a Unix socket (`http+unix://`), with AsyncHTTPClient's
/// shared client. Used by ``SimulatorProcess`` (its admin API) and ``APIClient`` (the daemon's socket).
enum HTTPExchange {
    /// The methods the tests use (NIO's `HTTPMethod` needs NIOHTTP1, which this target does not import).
    enum Method: String, Sendable {
        case GET, POST, DELETE
    }

    /// An answer: its status, headers and body.
    struct Answer: Sendable {
        var status: Int
        var headers: [(name: String, value: String)] = []
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        /// The first value of header `name` (case-insensitive).
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// Sends `method url` with `body` (JSON) and collects the answer; the whole exchange is bounded by
    /// `timeout`.
    static func send(
        _ method: Method,
        _ url: String,
        json body: Data? = nil,
        timeout: Duration = .seconds(30)
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        switch method {
        case .GET: request.method = .GET
        case .POST: request.method = .POST
        case .DELETE: request.method = .DELETE
        }
        request.headers.add(name: "Accept", value: "application/json")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let (seconds, attoseconds) = timeout.components
        let amount = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        let response = try await HTTPClient.shared.execute(request, timeout: amount)
        let bytes = try await response.body.collect(upTo: 64 << 20)
        return Answer(
            status: Int(response.status.code),
            headers: response.headers.map { ($0.name, $0.value) },
            body: Data(bytes.readableBytesView)
        )
    }
}
