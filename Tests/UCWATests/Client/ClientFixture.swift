import Foundation
import Logging
import Synchronization
import TestSupport
import Testing
import UCWA
import UCWASimulator


/// A generator that always draws the middle of the range: jitter halves every delay. (`Double.random(in:using:)`
/// uses the low 53 bits, so the midpoint is 2⁵².)
struct MidpointGenerator: RandomNumberGenerator, Sendable {
    mutating func next() -> UInt64 { 1 << 52 }
}

/// One simulator on 127.0.0.1 port 0 on its own manual clock, clients on another manual clock, a temporary
/// directory for secret files, and a log recorder.
final class ClientFixture: Sendable {
    static let username = "bridge@contoso.com"
    static let password = "Pa55-w0rd!s3cret"
    static let endpointId = "4f1c2d3e-0000-4000-8000-00000000b001"

    let simClock = ManualClock()
    let clientClock = ManualClock()
    let simulator: SimulatorServer
    let directory: URL
    let logs = LogRecorder()
    private let clients = Mutex<[UCWAClient]>([])

    private init(configuration: SimulatorConfiguration) throws {
        var simLogger = Logger(label: "ucwa-sim-tests")
        simLogger.logLevel = .critical
        simulator = SimulatorServer(configuration: configuration, clock: simClock, logger: simLogger)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ucwa-client-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Runs `body` against a fresh simulator; shuts every client and the simulator down afterwards.
    static func run(
        _ configure: (inout SimulatorConfiguration) -> Void = { _ in },
        _ body: (ClientFixture) async throws -> Void
    ) async throws {
        var configuration = SimulatorConfiguration()
        configuration.users = [
            SimulatedUser(username: username, password: password, sipURI: "sip:\(username)", displayName: "Bridge")
        ]
        configure(&configuration)
        let fixture = try ClientFixture(configuration: configuration)
        try await fixture.simulator.start()
        do {
            try await body(fixture)
        } catch {
            await fixture.close()
            throw error
        }
        await fixture.close()
    }

    private func close() async {
        for client in clients.withLock({ $0 }) {
            await client.shutdown()
        }
        await simulator.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes `content` to a new file in the temporary directory and returns its path.
    func secretFile(_ content: String) throws -> String {
        let url = directory.appendingPathComponent(UUID().uuidString)
        try Data(content.utf8).write(to: url)
        return url.path
    }

    /// A configuration for the simulator: its discovery URL and the password grant unless told otherwise.
    func configuration(
        discovery: DiscoverySource? = nil,
        credentials: CredentialSource? = nil,
        endpointId: String = ClientFixture.endpointId,
        mapping: DiscoveryHostMapping = .identity
    ) throws -> UCWAClientConfiguration {
        UCWAClientConfiguration(
            discovery: discovery ?? .discoveryURL(simulator.discoveryURL),
            credentials: try credentials
                ?? .password(username: Self.username, passwordFile: secretFile(Self.password + "\n")),
            endpointId: endpointId,
            userAgent: "ucwa-bridge-tests",
            hostMapping: mapping
        )
    }

    /// A client on the client clock with midpoint jitter, shut down with the fixture.
    func client(_ configuration: UCWAClientConfiguration) throws -> UCWAClient {
        let client = try UCWAClient(
            configuration: configuration,
            clock: clientClock,
            jitter: JitterSource(MidpointGenerator()),
            logger: logs.logger(label: "ucwa-client-tests")
        )
        clients.withLock { $0.append(client) }
        return client
    }

    /// A client with the default configuration.
    func client() throws -> UCWAClient {
        try client(configuration())
    }

    /// Maps the two discovery hosts of contoso.com: each to the simulator, or `nil` for the simulator's origin
    /// with a fault the test injects.
    func signInMapping() -> DiscoveryHostMapping {
        .table([
            "lyncdiscoverinternal.contoso.com": simulator.origin,
            "lyncdiscover.contoso.com": simulator.origin,
        ])
    }

    /// The `continueMessaging` href of the first conversation log, found by following links.
    func continueMessagingHref(_ client: UCWAClient) async throws -> String {
        let context = try #require(await client.application)
        let logsHref = try #require(context.application.communication?.conversationLogs?.href)
        let logs = try #require(await client.get(logsHref).response).decode(ConversationLogs.self)
        let logHref = try #require(logs.conversationLogs.first?.href)
        let log = try #require(await client.get(logHref).response).decode(ConversationLog.self)
        return try #require(log.links["continueMessaging"]?.href)
    }

    /// POSTs continueMessaging with `operationId` and expects 201.
    func continueMessaging(_ client: UCWAClient, href: String, operationId: String) async throws {
        let request = ContinueMessagingRequest(
            operationID: try OperationID(validating: operationId),
            message: OutgoingMessage(text: "hello \(operationId)")
        )
        let outcome = await client.post(href, body: request.encoded(as: .json))
        #expect(outcome.httpStatus == 201, "continueMessaging: \(outcome)")
    }
}
