import AsyncHTTPClient
import Foundation
import LocalAPIModels
import NIOCore
import Testing

/// The HTTP methods the tests send.
enum Verb: String, Sendable {
    case GET, POST, DELETE, PUT, PATCH
}

/// One answer of the API: status, headers and body.
struct APIAnswer: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: Data

    /// The body as text, for failure messages.
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The first value of header `name` (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body decoded with the API's decoder.
    func decode<T: Decodable>(_ type: T.Type, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
        do {
            return try APIJSON.decoder().decode(type, from: body)
        } catch {
            Issue.record("status \(status), body \(text): \(error)", sourceLocation: sourceLocation)
            throw error
        }
    }

    /// The error body; fails the test unless the answer is a JSON error with `status` and `code`.
    @discardableResult
    func expectError(
        _ status: Int,
        _ code: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> APIErrorBody {
        #expect(self.status == status, "\(text)", sourceLocation: sourceLocation)
        #expect(header("Content-Type") == "application/json", sourceLocation: sourceLocation)
        let error = try decode(APIErrorBody.self, sourceLocation: sourceLocation)
        #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
        #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
        return error
    }

    static func send(
        _ method: Verb,
        _ uri: String,
        body: Data?,
        contentType: String?,
        socketPath: String,
        client: HTTPClient,
        timeout: Duration
    ) async throws -> APIAnswer {
        let url = try #require(URL(httpURLWithSocketPath: socketPath, uri: uri))
        var request = HTTPClientRequest(url: url.absoluteString)
        switch method {
        case .GET: request.method = .GET
        case .POST: request.method = .POST
        case .DELETE: request.method = .DELETE
        case .PUT: request.method = .PUT
        case .PATCH: request.method = .PATCH
        }
        if let body {
            if let contentType {
                request.headers.add(name: "Content-Type", value: contentType)
            }
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let (seconds, attoseconds) = timeout.components
        let response = try await client.execute(
            request,
            timeout: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        )
        let bytes = try await response.body.collect(upTo: 16 << 20)
        return APIAnswer(
            status: Int(response.status.code),
            headers: response.headers.map { ($0.name, $0.value) },
            body: Data(bytes.readableBytesView)
        )
    }
}
