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

    private struct State {
        var listener: Channel?
        var acceptLoop: Task<Void, Never>?
        var connections: [ObjectIdentifier: Channel] = [:]
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

    /// Stops listening, closes every connection and waits for their tasks to end.
    func shutdown() async {
        let (listener, task, connections) = state.withLock { state in
            state.stopping = true
            let connections = Array(state.connections.values)
            return (state.listener, state.acceptLoop, connections)
        }
        try? await listener?.close()
        for connection in connections {
            connection.close(promise: nil)
        }
        await task?.value
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
            state.connections[id] = connection.channel
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
                for try await part in inbound {
                    switch part {
                    case .head(let requestHead):
                        head = requestHead
                        body.clear()
                    case .body(var chunk):
                        body.writeBuffer(&chunk)
                    case .end:
                        guard let requestHead = head else { continue }
                        head = nil
                        guard try await answer(requestHead, body: body, outbound: outbound) else { return }
                    }
                }
            }
        } catch {
            logger.debug("connection ended", metadata: ["error": "\(error)"])
        }
    }

    /// Answers one request; returns whether the connection stays open.
    private func answer(
        _ head: HTTPRequestHead,
        body: ByteBuffer,
        outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws -> Bool {
        let response: SimulatorResponse
        if body.readableBytes > Self.maximumBodySize {
            response = SimulatorResponse(status: .payloadTooLarge)
        } else {
            let request = SimulatorRequest(
                method: head.method,
                uri: head.uri,
                headers: head.headers,
                body: Array(buffer: body)
            )
            response = await handler(request)
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
