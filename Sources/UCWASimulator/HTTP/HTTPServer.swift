import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// The NIO plumbing: an HTTP/1.1 server on one listening socket, keep-alive, requests answered
/// strictly in order by an `HTTPConnectionHandler` per connection. A handler may hold a request
/// for as long as it likes (P-GET) or ask for the connection to be closed without an answer.
final class HTTPServer: Sendable {
    /// Answers a request through the reply, at once or later.
    typealias Handler = @Sendable (SimulatorRequest, @escaping SimulatorResponse.Reply) -> Void

    /// Bodies above this size are refused with 413.
    static let maximumBodySize = 1 << 20

    private struct State {
        var listener: Channel?
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

    /// Binds `host:port` and starts accepting; returns the bound address. The listener and all
    /// connections share one event loop: a P-GET released by a POST on another connection is
    /// then answered on the same thread, without a wake-up of another one (measured: about a
    /// quarter less CPU per `continueMessaging` round trip than spreading them over the group).
    func start(host: String, port: Int) async throws -> SocketAddress {
        let handler = self.handler
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton.next())
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                guard self.admit(channel) else {
                    return channel.eventLoop.makeFailedFuture(
                        SimulatorError(code: "stopping", reason: "the simulator is shutting down")
                    )
                }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(HTTPConnectionHandler(handler: handler))
                }
            }
            .bind(host: host, port: port)
            .get()
        guard let address = listener.localAddress else {
            try? await listener.close()
            throw SimulatorError(code: "bindFailed", reason: "the listening socket has no local address")
        }
        state.withLock { $0.listener = listener }
        return address
    }

    /// Stops listening and closes every connection: idle ones at once, busy ones once their
    /// current response is written. Returns when all connections are closed.
    func shutdown() async {
        let listener = state.withLock { state in
            state.stopping = true
            return state.listener
        }
        try? await listener?.close()
        let open = state.withLock { Array($0.connections.values) }
        for channel in open {
            channel.pipeline.fireUserInboundEventTriggered(HTTPConnectionHandler.ShutdownEvent())
        }
        for channel in open {
            try? await channel.closeFuture.get()
        }
        logger.debug("http server stopped", metadata: ["connections": "\(open.count)"])
    }

    /// Registers a new connection until it closes; false when the server is stopping.
    private func admit(_ channel: Channel) -> Bool {
        let id = ObjectIdentifier(channel)
        let admitted = state.withLock { state in
            if state.stopping { return false }
            state.connections[id] = channel
            return true
        }
        if admitted {
            channel.closeFuture.whenComplete { _ in
                _ = self.state.withLock { $0.connections.removeValue(forKey: id) }
            }
        }
        return admitted
    }
}
