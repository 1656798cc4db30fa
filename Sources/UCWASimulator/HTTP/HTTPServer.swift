import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// The NIO plumbing: an HTTP/1.1 server on one listening socket, one task per connection,
/// keep-alive, requests answered strictly in order. A handler may hold a request for as long as
/// it likes (P-GET) or ask for the connection to be closed without an answer.
final class HTTPServer: Sendable {
    typealias Handler = @Sendable (SimulatorRequest) async -> SimulatorResponse
    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    /// Bodies above this size are refused with 413.
    static let maximumBodySize = 1 << 20

    private struct OpenConnection {
        var channel: Channel
        /// A complete request is being answered; the connection closes itself after the answer
        /// when the server is stopping.
        var busy = false
    }

    private struct State {
        var listener: Channel?
        var acceptLoop: Task<Void, Never>?
        var connections: [ObjectIdentifier: OpenConnection] = [:]
        var stopping = false
    }

    private let handler: Handler
    private let logger: Logger
    private let state = Mutex(State())

    init(logger: Logger, handler: @escaping Handler) {
        self.logger = logger
        self.handler = handler
    }

    /// Binds `host:port` and starts accepting; returns the bound address.
    func start(host: String, port: Int) async throws -> SocketAddress {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
        guard let address = listener.channel.localAddress else {
            try? await listener.channel.close()
            throw SimulatorError(code: "bindFailed", reason: "the listening socket has no local address")
        }
        let task = Task { await self.accept(on: listener) }
        state.withLock { state in
            state.listener = listener.channel
            state.acceptLoop = task
        }
        return address
    }

    /// Stops listening and closes every connection: idle ones at once, busy ones once their
    /// current response is written. Returns when all connection tasks have ended.
    func shutdown() async {
        let (listener, task, idle) = state.withLock { state in
            state.stopping = true
            let idle = state.connections.values.filter { !$0.busy }.map(\.channel)
            return (state.listener, state.acceptLoop, idle)
        }
        try? await listener?.close()
        for channel in idle {
            channel.close(promise: nil)
        }
        await task?.value
    }

    /// Marks a connection busy or idle; returns false when the server is stopping.
    private func mark(_ id: ObjectIdentifier, busy: Bool) -> Bool {
        state.withLock { state in
            state.connections[id]?.busy = busy
            return !state.stopping
        }
    }

    private func accept(on listener: NIOAsyncChannel<Connection, Never>) async {
        do {
            try await listener.executeThenClose { inbound in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in inbound {
                        group.addTask { await self.serve(connection) }
                    }
                }
            }
        } catch {
            logger.debug("accept loop ended", metadata: ["error": "\(error)"])
        }
    }

    private func serve(_ connection: Connection) async {
        let id = ObjectIdentifier(connection.channel)
        let admitted = state.withLock { state in
            if state.stopping { return false }
            state.connections[id] = OpenConnection(channel: connection.channel)
            return true
        }
        guard admitted else {
            try? await connection.channel.close()
            return
        }
        defer { _ = state.withLock { $0.connections.removeValue(forKey: id) } }
        do {
            try await connection.executeThenClose { inbound, outbound in
                var head: HTTPRequestHead?
                var body = ByteBuffer()
                var tooLarge = false
                for try await part in inbound {
                    switch part {
                    case .head(let requestHead):
                        head = requestHead
                        body.clear()
                        tooLarge = false
                    case .body(var chunk):
                        tooLarge = tooLarge || body.readableBytes + chunk.readableBytes > Self.maximumBodySize
                        if !tooLarge {
                            body.writeBuffer(&chunk)
                        }
                    case .end:
                        guard let requestHead = head else { continue }
                        head = nil
                        _ = mark(id, busy: true)
                        let keepOpen = try await answer(
                            requestHead,
                            body: tooLarge ? nil : body,
                            outbound: outbound
                        )
                        guard mark(id, busy: false), keepOpen else { return }
                    }
                }
            }
        } catch {
            logger.debug("connection ended", metadata: ["error": "\(error)"])
        }
    }

    /// Answers one request (a nil body was too large); returns whether the connection stays open.
    private func answer(
        _ head: HTTPRequestHead,
        body: ByteBuffer?,
        outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws -> Bool {
        let response: SimulatorResponse
        if let body {
            let request = SimulatorRequest(
                method: head.method,
                uri: head.uri,
                headers: head.headers,
                body: Array(buffer: body)
            )
            response = await handler(request)
        } else {
            response = SimulatorResponse(status: .payloadTooLarge)
        }
        if response.disposition == .closeWithoutAnswer {
            await response.afterWrite?()
            return false
        }
        var headers = HTTPHeaders(response.headers)
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        if !head.isKeepAlive {
            headers.replaceOrAdd(name: "Connection", value: "close")
        }
        var parts: [HTTPServerResponsePart] = [
            .head(HTTPResponseHead(version: head.version, status: response.status, headers: headers))
        ]
        if !response.body.isEmpty {
            parts.append(.body(.byteBuffer(ByteBuffer(bytes: response.body))))
        }
        parts.append(.end(nil))
        do {
            try await outbound.write(contentsOf: parts)
        } catch {
            await response.afterWrite?()
            throw error
        }
        await response.afterWrite?()
        return head.isKeepAlive
    }
}
