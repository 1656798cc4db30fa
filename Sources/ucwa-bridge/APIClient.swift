import AsyncHTTPClient
import Foundation
import LocalAPIModels
import NIOCore

/// The client's side of the local API: typed calls over HTTP/1.1 on the daemon's Unix socket,
/// answering the API's wire types and throwing only `APIClientError`. One per process; call
/// `shutdown()` before it goes away.
struct APIClient: MessageFetching {
    /// The answer to a submission: the request, and whether it was queued by this call (`202`)
    /// or is an earlier one with the same idempotency key (`200`).
    struct Submitted: Sendable, Hashable {
        var message: MessageView
        var isNew: Bool
    }

    /// The HTTP methods the API uses (NIO's `HTTPMethod` is not importable here without `NIOHTTP1`).
    enum Verb: String, Sendable {
        case GET, POST, DELETE
    }

    /// The socket the daemon listens on.
    let socketPath: String
    /// How a call waits for a daemon that is still opening its UCWA application.
    let startingWait: StartingDaemonWait
    private let http: HTTPClient

    /// How long an ordinary call may take.
    static let requestTimeout: Duration = .seconds(30)
    /// How much longer than its `?wait=` a held call may take before the client gives up on it.
    static let waitSlack: Duration = .seconds(15)
    /// The largest answer the client reads.
    static let maximumBodyBytes = 16 << 20

    init(socketPath: String, startingWait: StartingDaemonWait = StartingDaemonWait()) {
        self.socketPath = socketPath
        self.startingWait = startingWait
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout.connect = .seconds(5)
        // A missing or refusing socket is reported at once instead of retried until the connect
        // timeout: on a local socket, retrying rarely helps, and the script is waiting.
        configuration.connectionPool.retryConnectionEstablishment = false
        self.http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Closes the connections; the client is unusable afterwards.
    func shutdown() async throws {
        try await http.shutdown()
    }

    /// `POST /v1/messages`; with `waitUntilFinal`, the daemon holds the answer until the request is final or that
    /// long (in whole milliseconds, at least one) has passed: one call for a caller that wants only the outcome.
    func submit(_ submission: MessageSubmission, waitUntilFinal wait: Duration? = nil) async throws -> Submitted {
        let body: Data
        do {
            body = try APIJSON.encoder().encode(submission)
        } catch {
            throw APIClientError(
                kind: .badResponse,
                code: "unencodable",
                message: "the submission could not be encoded: \(error)",
                endpoint: "POST \(APIVersion.pathPrefix)/messages",
                socketPath: socketPath
            )
        }
        if let wait {
            let milliseconds = Self.wholeMilliseconds(wait)
            do {
                let (message, status): (MessageView, Int) = try await call(
                    .POST,
                    "/messages",
                    query: [("wait", "\(milliseconds)ms"), ("until", "final")],
                    body: body,
                    timeout: .milliseconds(milliseconds) + Self.waitSlack
                )
                return Submitted(message: message, isNew: status != 200)
            } catch let error as APIClientError where error.code == "invalidParameter" {
                // A daemon older than the held submission refuses `?wait=` before it reads the body, storing
                // nothing: the plain submission is then the same request, and the caller's wait follows it.
            }
        }
        let (message, status): (MessageView, Int) = try await call(.POST, "/messages", body: body)
        return Submitted(message: message, isNew: status != 200)
    }

    /// `GET /v1/messages/{id}`; with `wait`, the daemon holds the answer until the state changes
    /// (with `untilFinal`, until it is final) or `wait` (in whole milliseconds, at least one) has passed.
    func message(id: String, wait: Duration? = nil, untilFinal: Bool = false) async throws -> MessageView {
        guard let wait else {
            return try await call(.GET, "/messages/\(Self.escape(id))").answer
        }
        let milliseconds = Self.wholeMilliseconds(wait)
        var query = [("wait", "\(milliseconds)ms")]
        if untilFinal {
            query.append(("until", "final"))
        }
        return try await call(
            .GET,
            "/messages/\(Self.escape(id))",
            query: query,
            timeout: .milliseconds(milliseconds) + Self.waitSlack
        ).answer
    }

    /// `GET /v1/messages`: one page, optionally only one state, after a cursor, of at most `limit`.
    func messages(state: MessageState? = nil, after: String? = nil, limit: Int? = nil) async throws -> MessageList {
        var query: [(String, String)] = []
        if let state { query.append(("state", state.rawValue)) }
        if let after { query.append(("after", after)) }
        if let limit { query.append(("limit", String(limit))) }
        return try await call(.GET, "/messages", query: query).answer
    }

    /// `DELETE /v1/messages/{id}`: cancels a request that has not been dispatched.
    func cancel(id: String) async throws -> MessageView {
        try await call(.DELETE, "/messages/\(Self.escape(id))").answer
    }

    /// `GET /v1/health`.
    func health() async throws -> HealthView {
        try await call(.GET, "/health").answer
    }

    /// `GET /v1/conversation-logs`, newest first.
    func conversationLogs() async throws -> ConversationLogList {
        try await call(.GET, "/conversation-logs").answer
    }

    /// Sends one request under `/v1` and decodes a 2xx answer; anything else becomes an `APIClientError`.
    private func call<Answer: Decodable>(
        _ method: Verb,
        _ path: String,
        query: [(String, String)] = [],
        body: Data? = nil,
        timeout: Duration = requestTimeout
    ) async throws -> (answer: Answer, status: Int) {
        let uri = Self.uri(path: APIVersion.pathPrefix + path, query: query)
        let endpoint = "\(method.rawValue) \(uri)"
        guard let url = URL(httpURLWithSocketPath: socketPath, uri: uri) else {
            throw APIClientError(
                kind: .unreachable,
                code: "invalidSocketPath",
                message: "the path cannot be used as a socket address",
                endpoint: endpoint,
                socketPath: socketPath
            )
        }
        var request = HTTPClientRequest(url: url.absoluteString)
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

        var waited = Duration.zero
        var (status, data, retryAfter) = try await exchange(request, timeout: timeout, endpoint: endpoint)
        while status == 503, let delay = startingWait.delay(retryAfter: retryAfter, waited: waited) {
            let refusal = APIClientError.answer(status: status, body: data, endpoint: endpoint, socketPath: socketPath)
            guard refusal.code == Self.startingCode else { break }
            if waited == .zero {
                startingWait.notice(
                    "\(refusal.message); waiting for it (at most \(startingWait.patienceText))"
                )
            }
            do {
                try await startingWait.clock.sleep(for: delay)
            } catch {
                throw refusal
            }
            waited += delay
            (status, data, retryAfter) = try await exchange(request, timeout: timeout, endpoint: endpoint)
        }
        guard (200..<300).contains(status) else {
            throw APIClientError.answer(status: status, body: data, endpoint: endpoint, socketPath: socketPath)
        }
        do {
            return (try APIJSON.decoder().decode(Answer.self, from: data), status)
        } catch {
            throw APIClientError.unreadable(
                status: status,
                reason: String(describing: error),
                endpoint: endpoint,
                socketPath: socketPath
            )
        }
    }

    /// The API's code for a request refused while the daemon opens its UCWA application.
    static let startingCode = "unavailable"

    /// Sends `request` once: the status, the body and the `Retry-After` header.
    private func exchange(
        _ request: HTTPClientRequest,
        timeout: Duration,
        endpoint: String
    ) async throws -> (status: Int, body: Data, retryAfter: String?) {
        do {
            let response = try await http.execute(request, timeout: .init(timeout))
            let bytes = try await response.body.collect(upTo: Self.maximumBodyBytes)
            let retryAfter = response.headers.first(name: "Retry-After")
            return (Int(response.status.code), Data(bytes.readableBytesView), retryAfter)
        } catch {
            throw APIClientError.transport(error, endpoint: endpoint, socketPath: socketPath)
        }
    }

    /// A path with a percent-encoded query, such as `/v1/messages?state=failed&limit=10`.
    static func uri(path: String, query: [(String, String)]) -> String {
        guard !query.isEmpty else { return path }
        let pairs = query.map { "\(escape($0.0))=\(escape($0.1))" }
        return path + "?" + pairs.joined(separator: "&")
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters, so that an id or cursor
    /// stays one path segment or one query value.
    static func escape(_ text: String) -> String {
        var allowed = CharacterSet(charactersIn: "-._~")
        allowed.formUnion(CharacterSet(charactersIn: "a"..."z"))
        allowed.formUnion(CharacterSet(charactersIn: "A"..."Z"))
        allowed.formUnion(CharacterSet(charactersIn: "0"..."9"))
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// A duration rounded up to whole milliseconds, at least one: what a `?wait=` asks for, so that a wait never
    /// ends before the caller's time is up, and never by more than a millisecond after.
    static func wholeMilliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let attosecondsPerMillisecond: Int64 = 1_000_000_000_000_000
        let (milliseconds, rest) = attoseconds.quotientAndRemainder(dividingBy: attosecondsPerMillisecond)
        return max(1, seconds * 1_000 + milliseconds + (rest > 0 ? 1 : 0))
    }
}

extension TimeAmount {
    /// The same span as a `Duration`, to the nanosecond.
    fileprivate init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
