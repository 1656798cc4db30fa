import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import Synchronization

/// The local API: HTTP/1.1 with JSON bodies on a Unix socket (see `docs/openapi.yaml`).
///
/// ```swift
/// let server = APIServer(configuration: APIConfiguration(socket: .path("/run/ucwa-bridge/api.sock",
///                                                                      group: "ucwa-bridge")),
///                        gate: gate, logger: logger)
/// let serving = Task { try await server.run() }
/// try await server.listening()          // then READY=1
/// gate.open(services)                   // once the UCWA application is open
/// ```
///
/// Contract:
/// - ``run()`` opens the socket (see ``ListeningSocket``) and serves until its task is cancelled. Then it stops
///   accepting, lets the open connections finish their answers (a held `?wait=` answers at once with the request as
///   it is; whatever is still open after ``APIConfiguration/shutdownGrace`` is closed and its work cancelled), and
///   removes the socket file it created. Calling it a second time is a programming error.
/// - ``listening()`` returns once connections are accepted, or throws why they never will be.
/// - Every connection's peer credentials (`SO_PEERCRED`) are checked against the ``PeerPolicy``; a refused peer
///   gets `403 peerNotAllowed` for every request.
/// - Every answer is JSON (`/metrics` aside); every error is `{"message", "code"}` (see ``APIError``).
/// - What it serves follows its ``APIServiceGate``: health and metrics only while the gate is closed, every route
///   once it is open.
public final class APIServer: Sendable {
    let configuration: APIConfiguration
    /// What the routes serve from.
    public let gate: APIServiceGate
    let eventLoopGroup: any EventLoopGroup
    let logger: Logger
    /// Who may use the socket: ``APIConfiguration/peerPolicy`` until changed (see ``LivePeerPolicy``); read once per
    /// accepted connection.
    public let peerPolicy: LivePeerPolicy
    /// What a submission and a wait are checked against: ``APIConfiguration/submission`` and
    /// ``APIConfiguration/maximumWait`` until changed (see ``LiveSubmissionLimits``); read once by each
    /// submission and each `GET` of a request.
    public let submissionLimits: LiveSubmissionLimits
    private let responder: RouterResponder<APIRequestContext>
    /// The routes the server answers, as `METHOD /path` with `{id}` templates, read from its router.
    public let routes: [String]
    private let signal = ListeningSignal()
    private let shutdown = ShutdownSignal()
    private let started = Mutex(false)

    /// A server that serves from `gate`, closed or open.
    public init(
        configuration: APIConfiguration,
        gate: APIServiceGate,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger
    ) {
        self.configuration = configuration
        self.gate = gate
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
        self.peerPolicy = LivePeerPolicy(configuration.peerPolicy)
        let limits = LiveSubmissionLimits(
            rules: configuration.submission,
            maximumWait: configuration.maximumWait,
            minimumBodyBytes: configuration.maximumBodyBytes
        )
        self.submissionLimits = limits
        let router = APIRouter.make(gate: gate, limits: limits, shutdown: shutdown)
        self.routes = router.routes.map { "\($0.method.rawValue) \($0.path.description)" }.sorted()
        self.responder = router.buildResponder()
    }

    /// A server that serves every route from `services` from the start (an open ``APIServiceGate``).
    public convenience init(
        configuration: APIConfiguration,
        services: APIServices,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger
    ) {
        self.init(
            configuration: configuration,
            gate: APIServiceGate(services: services),
            eventLoopGroup: eventLoopGroup,
            logger: logger
        )
    }

    /// Returns the socket path once the server accepts connections; throws the error that kept it from listening,
    /// or `CancellationError` when the calling task is cancelled first.
    @discardableResult
    public func listening() async throws -> String? {
        try await signal.wait()
    }

    /// Opens the socket and serves until the task is cancelled.
    ///
    /// - Throws: ``ListeningSocketError`` when the socket cannot be set up; an error of NIO when it cannot be
    ///   served; never after a cancellation.
    public func run() async throws {
        let first = started.withLock { started in
            defer { started = true }
            return !started
        }
        precondition(first, "APIServer.run() may be called only once")
        let socket: OpenSocket
        do {
            socket = try configuration.socket.open()
        } catch {
            signal.fail(error)
            throw error
        }
        defer {
            if let path = socket.path, let file = socket.ownedFile {
                file.remove(path: path)
            }
        }
        peerPolicy.update { policy in
            if policy.socketGroupID == nil {
                policy.socketGroupID = socket.groupID
            }
        }
        let http = HTTP1Channel.Configuration(
            idleTimeout: TimeAmount.nanoseconds(Self.nanoseconds(configuration.idleTimeout))
        )
        let responder = APIResponder(
            router: responder,
            policy: peerPolicy,
            metrics: gate.metrics,
            logger: logger,
            http: http
        )
        let connections = ConnectionRegistry()
        let server: NIOAsyncChannel<APIConnection, Never>
        do {
            server = try await bind(socket, http: http, connections: connections)
        } catch {
            signal.fail(error)
            throw error
        }
        logger.info("API listening", metadata: ["socket": "\(socket.path ?? "fd \(socket.descriptor)")"])
        signal.succeed(socket.path)
        // Not a child task: cancelling run() stops the server gracefully instead of cancelling every answer.
        let serving = Task { await Self.serve(server, responder: responder, logger: logger) }
        let grace = configuration.shutdownGrace
        let shutdown = shutdown
        await withTaskCancellationHandler {
            await serving.value
        } onCancel: {
            shutdown.begin()
            server.channel.close(promise: nil)
            connections.quiesce(forcingAfter: grace) { serving.cancel() }
        }
        connections.finish()
        logger.info("API stopped")
    }

    /// Accepts connections until the server channel closes, then waits for the open ones to end.
    private static func serve(
        _ server: NIOAsyncChannel<APIConnection, Never>,
        responder: APIResponder,
        logger: Logger
    ) async {
        do {
            try await server.executeThenClose { inbound in
                await withDiscardingTaskGroup { group in
                    do {
                        for try await connection in inbound {
                            group.addTask { await responder.serve(connection) }
                        }
                    } catch {
                        logger.error("the API socket failed", metadata: ["error": "\(error)"])
                    }
                }
            }
        } catch {
            logger.error("the API socket could not be closed", metadata: ["error": "\(error)"])
        }
    }

    private func bind(_ socket: OpenSocket, http: HTTP1Channel.Configuration, connections: ConnectionRegistry)
        async throws -> NIOAsyncChannel<APIConnection, Never>
    {
        let setup = HTTP1Channel(responder: { _, _, _ in }, configuration: http)
        let logger = logger
        return try await ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(ChannelOptions.backlog, value: ListeningSocket.backlog)
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .bind(NIOBSDSocket.Handle(socket.descriptor)) { channel in
                connections.add(channel)
                return PeerCredentials.read(from: channel).flatMap { peer in
                    setup.setup(channel: channel, logger: logger).map { APIConnection(http: $0, peer: peer) }
                }
            }
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
