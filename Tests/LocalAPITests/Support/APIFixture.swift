import AsyncHTTPClient
import Bridge
import Foundation
import LocalAPI
import LocalAPIModels
import Logging
import TestSupport
import Testing
import UCWA
import UCWASimulator

/// The real parts behind the API: the simulator on 127.0.0.1 port 0, a UCWA client with an open application and its
/// parked event channel, a dispatcher, the SQLite store in a temporary directory, the queue, and the API server on a
/// Unix socket in a short directory under /tmp, reached with AsyncHTTPClient over `http+unix://`.
final class APIFixture: Sendable {
    static let username = "bridge@contoso.com"
    static let password = "Pa55-w0rd!s3cret-api"

    /// What a test may change before the fixture starts.
    struct Options {
        var simulator = SimulatorConfiguration()
        var peerPolicy = PeerPolicy()
        var socketGroup: String?
        var maximumWait: Duration = .seconds(60)
        /// Whether the queue's admission loop runs; without it requests stay `accepted`.
        var runsQueue = true
        /// The socket; a path in a fresh directory under /tmp unless set.
        var socket: ListeningSocket?
        /// The event channel's back-off after a failed P-GET.
        var channelBackoff = Backoff.standard
        /// Whether the server's ``APIServiceGate`` is open from the start; when not, it serves the starting phase
        /// (``StartingHealth`` on the store, ``progress``) until ``openGate()``.
        var opensGate = true
    }

    let simulator: SimulatorServer
    let client: UCWAClient
    let context: ApplicationContext
    let channel: EventChannel
    let monitor = EventChannelMonitor()
    let dispatcher: Dispatcher
    let store: RequestStore
    let queue: MessageQueue
    let changes = RequestChanges()
    let metrics = BridgeMetrics()
    let server: APIServer
    /// What the server serves from: open unless ``Options/opensGate`` was `false`.
    let gate: APIServiceGate
    /// The opening progress a closed gate names in its `503` answers.
    let progress = OpeningProgress()
    /// The services ``openGate()`` opens the gate with.
    let services: APIServices
    let http: HTTPClient
    let socketPath: String
    let logHref: String
    let logs = LogRecorder()
    private let directory: URL
    private let socketDirectory: String
    private let tasks: [Task<Void, Never>]
    private let serving: Task<Void, any Error>

    private init(options: Options) async throws {
        var simulatorConfiguration = options.simulator
        simulatorConfiguration.users = [
            SimulatedUser(
                username: Self.username,
                password: Self.password,
                sipURI: "sip:\(Self.username)",
                displayName: "Bridge"
            )
        ]
        var simLogger = Logger(label: "ucwa-sim-tests")
        simLogger.logLevel = .critical
        simulator = SimulatorServer(configuration: simulatorConfiguration, logger: simLogger)
        try await simulator.start()

        directory = FileManager.default.temporaryDirectory.appendingPathComponent("localapi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let passwordFile = directory.appendingPathComponent("password")
        try Data((Self.password + "\n").utf8).write(to: passwordFile)
        let logger = logs.logger(label: "localapi-tests", level: .debug)
        client = try UCWAClient(
            configuration: UCWAClientConfiguration(
                discovery: .discoveryURL(simulator.discoveryURL),
                credentials: .password(username: Self.username, passwordFile: passwordFile.path),
                endpointId: "4f1c2d3e-0000-4000-8000-00000000a913",
                userAgent: "ucwa-bridge-tests"
            ),
            logger: logger
        )
        context = try await client.openApplication()
        let logsHref = try #require(context.application.communication?.conversationLogs?.href)
        let collection = try #require(await client.get(logsHref).response).decode(ConversationLogs.self)
        logHref = try #require(collection.conversationLogs.first?.href)

        store = try RequestStore(directory: directory)
        channel = EventChannel(
            client: client,
            parameters: EventChannelParameters(backoff: options.channelBackoff),
            logger: logger
        )
        dispatcher = Dispatcher(
            connection: client,
            origin: context.origin,
            configuration: DispatchConfiguration(retryScheduling: .byQueue),
            journal: metrics.journal(wrapping: ObservedJournal(store: store, changes: changes)),
            clock: ContinuousClock(),
            logger: logger
        )
        await dispatcher.attach(channel)
        monitor.watch(channel)
        channel.start()
        try await channel.waitUntilParked()
        queue = MessageQueue(
            store: store,
            dispatcher: dispatcher,
            changes: changes,
            clock: ContinuousClock(),
            logger: logger
        )
        let queue = queue
        tasks = options.runsQueue ? [Task { await queue.run(applicationReused: false) }] : []

        socketDirectory = "/tmp/ua-\(UUID().uuidString.prefix(8).lowercased())"
        let socket = options.socket ?? .path(socketDirectory + "/run/api.sock", group: options.socketGroup)
        services = APIServices(
            queue: queue,
            health: BridgeHealth(connection: client, channel: monitor, queue: queue),
            conversationLogs: ConversationLogDirectory(connection: client, logger: logger),
            metrics: metrics,
            dispatcher: dispatcher
        )
        let configuration = APIConfiguration(
            socket: socket,
            peerPolicy: options.peerPolicy,
            maximumWait: options.maximumWait
        )
        if options.opensGate {
            server = APIServer(configuration: configuration, services: services, logger: logger)
        } else {
            let gate = APIServiceGate(
                metrics: metrics,
                startingHealth: StartingHealth(store: store),
                progress: progress
            )
            server = APIServer(configuration: configuration, gate: gate, logger: logger)
        }
        gate = server.gate
        let server = server
        serving = Task { try await server.run() }
        socketPath = try #require(try await server.listening())
        http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
    }

    /// Runs `body` against a fresh fixture and takes everything down afterwards.
    static func run(
        _ configure: (inout Options) -> Void = { _ in },
        _ body: (APIFixture) async throws -> Void
    ) async throws {
        var options = Options()
        configure(&options)
        let fixture = try await APIFixture(options: options)
        do {
            try await body(fixture)
        } catch {
            await fixture.close()
            throw error
        }
        await fixture.close()
        #expect(!fixture.logs.all.contains { $0.contains(Self.password) }, "a log line carries the password")
        #expect(!fixture.logs.all.contains { $0.contains("cwt=") }, "a log line carries a token")
    }

    /// Opens a gate that ``Options/opensGate`` kept closed, with ``services``.
    func openGate() {
        gate.open(services)
    }

    /// Cancels the server's `run()` and returns what it ended with.
    @discardableResult
    func stopServer() async -> Result<Void, any Error> {
        serving.cancel()
        return await serving.result
    }

    private func close() async {
        try? await http.shutdown()
        await stopServer()
        await queue.stop()
        for task in tasks {
            task.cancel()
            await task.value
        }
        await dispatcher.shutdown()
        await channel.stop()
        monitor.stop()
        await client.shutdown()
        await simulator.shutdown()
        try? store.close()
        try? FileManager.default.removeItem(at: directory)
        try? FileManager.default.removeItem(atPath: socketDirectory)
    }

    // MARK: Requests

    /// `method uri` with `body`, answered as status, headers and bytes.
    func send(
        _ method: Verb,
        _ uri: String,
        body: Data? = nil,
        contentType: String? = "application/json",
        timeout: Duration = .seconds(30)
    ) async throws -> APIAnswer {
        try await APIAnswer.send(
            method,
            uri,
            body: body,
            contentType: contentType,
            socketPath: socketPath,
            client: http,
            timeout: timeout
        )
    }

    /// `POST /v1/messages` with a JSON object.
    func submit(_ fields: [String: Any]) async throws -> APIAnswer {
        try await send(.POST, "/v1/messages", body: JSONSerialization.data(withJSONObject: fields))
    }

    /// `POST /v1/messages` with a message on the first conversation log, which must be accepted (202).
    func submitAccepted(_ text: String = "hello", extra: [String: Any] = [:]) async throws -> MessageView {
        var fields: [String: Any] = ["conversationLog": logHref, "message": text]
        fields.merge(extra) { $1 }
        let answer = try await submit(fields)
        try #require(answer.status == 202, "\(answer.text)")
        return try answer.decode(MessageView.self)
    }

    /// Holds `GET /v1/messages/{id}?wait=` until the request is final, for at most `rounds` waits.
    func final(_ id: String, rounds: Int = 30) async throws -> MessageView {
        var view = try await send(.GET, "/v1/messages/\(id)").decode(MessageView.self)
        var round = 0
        while !view.state.isTerminal, round < rounds {
            view = try await send(.GET, "/v1/messages/\(id)?wait=5s").decode(MessageView.self)
            round += 1
        }
        return view
    }
}
