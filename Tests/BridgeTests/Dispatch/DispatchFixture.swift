import Foundation
import Logging
import Synchronization
import TestSupport
import Testing
import UCWA
import UCWASimulator

@testable import Bridge

/// A connection that passes everything to the client, except POST answers a test scripts (for answers the
/// simulator cannot give), and that notes whether the event channel had a P-GET out at every POST.
final class ScriptedConnection: DispatchConnection {
    let base: UCWAClient
    private let scripted = Mutex<[UCWAOutcome]>([])
    private let parkedAtPost = Mutex<[Bool]>([])
    private let channel = Mutex<EventChannel?>(nil)
    private let answerHold = Mutex<(@Sendable () async -> Void)?>(nil)

    init(_ base: UCWAClient) {
        self.base = base
    }

    func script(_ outcomes: [UCWAOutcome]) {
        scripted.withLock { $0 += outcomes }
    }

    /// Every POST's answer is handed over only once `hold` has returned.
    func holdAnswers(until hold: @escaping @Sendable () async -> Void) {
        answerHold.withLock { $0 = hold }
    }

    func watch(_ channel: EventChannel) {
        self.channel.withLock { $0 = channel }
    }

    /// For each POST, whether the channel was parked when it went out.
    var parkedFlags: [Bool] { parkedAtPost.withLock { $0 } }

    var application: ApplicationContext? {
        get async { await base.application }
    }

    func get(_ href: String, accept: UCWABodyFormat) async -> UCWAOutcome {
        await base.get(href, accept: accept)
    }

    func post(_ href: String, body: RequestBody, accept: UCWABodyFormat) async -> UCWAOutcome {
        let parked = channel.withLock { $0?.isParked ?? true }
        parkedAtPost.withLock { $0.append(parked) }
        if let outcome = scripted.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
            return outcome
        }
        let outcome = await base.post(href, body: body, accept: accept)
        if let hold = answerHold.withLock({ $0 }) {
            await hold()
        }
        return outcome
    }

    func recreateApplication(replacing generation: Int) async throws(UCWAClientError) -> ApplicationContext {
        try await base.recreateApplication(replacing: generation)
    }
}

/// A simulator on 127.0.0.1 port 0, a client with an open application and its event channel, and a dispatcher
/// on it; three manual clocks (simulator, client, dispatcher) unless the test asks for real time.
final class DispatchFixture: Sendable {
    static let base = Date(timeIntervalSince1970: 1_800_000_000)
    static let username = "bridge@contoso.com"
    static let password = "Pa55-w0rd!s3cret-bridge"

    let simClock = ManualClock()
    let clientClock = ManualClock()
    let dispatchClock = ManualClock()
    let simulator: SimulatorServer
    let client: UCWAClient
    let connection: ScriptedConnection
    let channel: EventChannel
    let dispatcher: Dispatcher
    let journal = InMemoryRequestJournal()
    let context: ApplicationContext
    let logHref: String
    let logs = LogRecorder()
    let realTime: Bool
    private let directory: URL

    /// The policy of most tests: from 1 s, factor 2, no jitter, so that the waits are 1 s, 2 s, 4 s.
    static func policy(deadline: Duration = .seconds(3600), maximumAttempts: Int? = nil) -> RetryPolicy {
        try! RetryPolicy(
            initialDelay: .seconds(1),
            multiplier: 2,
            maximumDelay: .seconds(300),
            jitter: .none,
            maximumAttempts: maximumAttempts,
            deadline: deadline
        )
    }

    private init(
        simulatorConfiguration: SimulatorConfiguration,
        dispatchConfiguration: DispatchConfiguration,
        channelBackoff: Backoff,
        realTime: Bool,
        logLevel: Logger.Level
    ) async throws {
        self.realTime = realTime
        var simLogger = Logger(label: "ucwa-sim-tests")
        simLogger.logLevel = .critical
        simulator =
            realTime
            ? SimulatorServer(configuration: simulatorConfiguration, logger: simLogger)
            : SimulatorServer(configuration: simulatorConfiguration, clock: simClock, logger: simLogger)
        try await simulator.start()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("bridge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let passwordFile = directory.appendingPathComponent("password")
        try Data((Self.password + "\n").utf8).write(to: passwordFile)
        let configuration = UCWAClientConfiguration(
            discovery: .discoveryURL(simulator.discoveryURL),
            credentials: .password(username: Self.username, passwordFile: passwordFile.path),
            endpointId: "4f1c2d3e-0000-4000-8000-00000000d150",
            userAgent: "ucwa-bridge-tests"
        )
        let logger = logs.logger(label: "bridge-tests", level: logLevel)
        client =
            realTime
            ? try UCWAClient(configuration: configuration, clock: ContinuousClock(), logger: logger)
            : try UCWAClient(
                configuration: configuration,
                clock: clientClock,
                jitter: JitterSource(SeededGenerator(seed: 3)),
                logger: logger
            )
        context = try await client.openApplication()
        let logsHref = try #require(context.application.communication?.conversationLogs?.href)
        let collection = try #require(await client.get(logsHref).response).decode(ConversationLogs.self)
        logHref = try #require(collection.conversationLogs.first?.href)
        connection = ScriptedConnection(client)
        channel = EventChannel(
            client: client,
            parameters: EventChannelParameters(backoff: channelBackoff),
            jitter: JitterSource(SeededGenerator(seed: 5)),
            logger: logger
        )
        connection.watch(channel)
        let dispatchClock = dispatchClock
        dispatcher =
            realTime
            ? Dispatcher(
                connection: connection,
                origin: context.origin,
                configuration: dispatchConfiguration,
                journal: journal,
                clock: ContinuousClock(),
                random: SeededGenerator(seed: 11),
                logger: logger
            )
            : Dispatcher(
                connection: connection,
                origin: context.origin,
                configuration: dispatchConfiguration,
                journal: journal,
                clock: dispatchClock,
                now: { DispatchFixture.base.addingTimeInterval(dispatchClock.now.offset.timeInterval) },
                random: SeededGenerator(seed: 11),
                logger: logger
            )
        await dispatcher.attach(channel)
        channel.start()
        if !realTime {
            // The simulator holds the first P-GET (its timeout sleeps on the simulator's clock).
            await simClock.sleepers(atLeast: 1)
        }
    }

    /// Runs `body` against a fresh simulator and dispatcher, and shuts everything down afterwards.
    static func run(
        simulator configureSimulator: (inout SimulatorConfiguration) -> Void = { _ in },
        dispatch configureDispatch: (inout DispatchConfiguration) -> Void = { _ in },
        channelBackoff: Backoff = Backoff(initial: .seconds(1), maximum: .seconds(30)),
        realTime: Bool = false,
        logLevel: Logger.Level = .debug,
        _ body: (DispatchFixture) async throws -> Void
    ) async throws {
        var simulatorConfiguration = SimulatorConfiguration()
        simulatorConfiguration.users = [
            SimulatedUser(username: username, password: password, sipURI: "sip:\(username)", displayName: "Bridge")
        ]
        configureSimulator(&simulatorConfiguration)
        var dispatchConfiguration = DispatchConfiguration(retry: policy())
        configureDispatch(&dispatchConfiguration)
        let fixture = try await DispatchFixture(
            simulatorConfiguration: simulatorConfiguration,
            dispatchConfiguration: dispatchConfiguration,
            channelBackoff: channelBackoff,
            realTime: realTime,
            logLevel: logLevel
        )
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

    private func close() async {
        await dispatcher.shutdown()
        await channel.stop()
        await client.shutdown()
        await simulator.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }

    /// The dispatcher's wall-clock now.
    var now: Date {
        realTime ? Date() : Self.base.addingTimeInterval(dispatchClock.now.offset.timeInterval)
    }

    /// A new request on the first conversation log.
    func request(
        _ text: String = "hello",
        log: String? = nil,
        operationID: OperationID? = nil,
        deadline: Duration = .seconds(3600)
    ) -> MessageRequest {
        MessageRequest(
            conversationLog: log ?? logHref,
            message: text,
            operationID: operationID,
            deadline: now.addingTimeInterval(deadline.timeInterval),
            createdAt: now
        )
    }

    /// Submits `request` and returns it as stored.
    @discardableResult
    func submit(_ request: MessageRequest) async throws -> MessageRequest {
        try await dispatcher.submit(request)
    }

    /// Waits for the request's terminal state.
    func outcome(_ id: RequestID, sourceLocation: SourceLocation = #_sourceLocation) async throws -> MessageRequest {
        let request = try #require(await dispatcher.outcome(of: id), sourceLocation: sourceLocation)
        #expect(request.state.isTerminal, "not terminal: \(request.state)", sourceLocation: sourceLocation)
        return request
    }

    /// Waits until the request reaches `state` (or ends).
    func wait(for id: RequestID, toReach state: RequestState) async -> MessageRequest? {
        for await request in await dispatcher.updates(of: id) where request.state == state {
            return request
        }
        return await dispatcher.request(id)
    }

    /// Waits until at least `count` outcome time-outs or grace windows are scheduled. They share one sleeper on
    /// ``dispatchClock`` (the dispatcher's ``TimerQueue``), so the clock's sleepers do not count them.
    func outcomeTimers(atLeast count: Int, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await until({ dispatcher.timers.count >= count }, sourceLocation: sourceLocation)
    }

    /// Waits until the counters satisfy `predicate`.
    func waitForCounters(_ predicate: (DispatchCounters) -> Bool) async -> DispatchCounters? {
        for await counters in await dispatcher.counterUpdates() where predicate(counters) {
            return counters
        }
        return nil
    }

    /// The simulator's records of the POSTs of `request`'s attempts.
    func posts(of request: MessageRequest) -> [ReceivedContinueMessaging] {
        let ids = Set(request.attempts.map(\.operationID.rawValue))
        return simulator.receivedContinueMessaging.filter { $0.operationId.map(ids.contains) ?? false }
    }
}
