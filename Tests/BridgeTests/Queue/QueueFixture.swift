import Foundation
import Logging
import Synchronization
import TestSupport
import Testing
import UCWA
import UCWASimulator

@testable import Bridge

/// One start of the daemon's queue side on the fixture's store and application: the dispatcher (``RetryScheduling/byQueue``,
/// journal ``ObservedJournal``), its event channel (recording every batch's next href in the store, as the daemon
/// does), and the ``MessageQueue`` whose `run(applicationReused:)` runs in a task once started.
final class QueueStack: Sendable {
    let changes = RequestChanges()
    let dispatcher: Dispatcher
    let channel: EventChannel
    let queue: MessageQueue
    private let runTask = Mutex<Task<Void, Never>?>(nil)

    init(
        client: UCWAClient,
        context: ApplicationContext,
        store: RequestStore,
        dispatchConfiguration: DispatchConfiguration,
        queueConfiguration: QueueConfiguration,
        clock: ManualClock,
        now: @escaping @Sendable () -> Date,
        logger: Logger
    ) {
        channel = EventChannel(
            client: client,
            parameters: EventChannelParameters(backoff: Backoff(initial: .seconds(1), maximum: .seconds(30))),
            jitter: JitterSource(SeededGenerator(seed: 5)),
            persist: { [origin = context.origin] response in
                try await store.recordEventBatch(response, origin: origin)
            },
            logger: logger
        )
        dispatcher = Dispatcher(
            connection: client,
            origin: context.origin,
            configuration: dispatchConfiguration,
            journal: ObservedJournal(store: store, changes: changes),
            clock: clock,
            now: now,
            random: SeededGenerator(seed: 11),
            logger: logger
        )
        queue = MessageQueue(
            store: store,
            dispatcher: dispatcher,
            changes: changes,
            configuration: queueConfiguration,
            clock: clock,
            now: now,
            logger: logger
        )
    }

    /// Starts the admission loop (once).
    func startQueue(applicationReused: Bool) {
        let queue = queue
        runTask.withLock { task in
            guard task == nil else { return }
            task = Task { await queue.run(applicationReused: applicationReused) }
        }
    }

    /// What the daemon does at shutdown, without waiting for anything in flight: a crash as far as the requests
    /// are concerned (they keep their stored state). The application is kept.
    func stop() async {
        await queue.stop()
        let task = runTask.withLock { $0 }
        task?.cancel()
        await task?.value
        await dispatcher.shutdown()
        await channel.stop()
    }
}

/// How the event channel is set up when the fixture starts.
enum ChannelSetup {
    /// Attached to the dispatcher and started; the simulator holds its P-GET.
    case parked
    /// Attached to the dispatcher, not started: admitted requests wait for a parked P-GET.
    case attachedNotStarted
    /// Not attached: the dispatcher has no channel.
    case detached
}

/// A simulator on 127.0.0.1 port 0, a real ``UCWAClient`` with an open application, a ``RequestStore`` in a new
/// temporary directory, and a ``QueueStack`` on them.
///
/// Clocks: the simulator, the client, and the dispatcher with the queue each have a ``ManualClock``; the
/// dispatcher's and the queue's wall clock is ``base`` plus ``clock``'s offset, so stored times are exact. Nothing
/// in the queue's path needs time to pass for a delivery (the simulator answers at once), so tests move a clock
/// only when they test timing.
final class QueueFixture: Sendable {
    static let base = Date(timeIntervalSince1970: 1_800_000_000)
    static let username = "bridge@contoso.com"
    static let password = "Pa55-w0rd!s3cret-queue"

    let simClock = ManualClock()
    let clientClock = ManualClock()
    /// The dispatcher's and the queue's clock.
    let clock = ManualClock()
    let simulator: SimulatorServer
    let client: UCWAClient
    let context: ApplicationContext
    /// The first conversation log of the application (log-alice).
    let logHref: String
    let store: RequestStore
    let directory: URL
    let logs = LogRecorder()
    let logger: Logger
    let dispatchConfiguration: DispatchConfiguration
    let queueConfiguration: QueueConfiguration
    private let stacks = Mutex<[QueueStack]>([])

    /// The policy of most tests: from 1 s, factor 2, no jitter.
    static func policy(deadline: Duration = .seconds(3600)) -> RetryPolicy {
        try! RetryPolicy(
            initialDelay: .seconds(1),
            multiplier: 2,
            maximumDelay: .seconds(300),
            jitter: .none,
            maximumAttempts: nil,
            deadline: deadline
        )
    }

    private init(
        simulatorConfiguration: SimulatorConfiguration,
        dispatchConfiguration: DispatchConfiguration,
        queueConfiguration: QueueConfiguration
    ) async throws {
        self.dispatchConfiguration = dispatchConfiguration
        self.queueConfiguration = queueConfiguration
        logger = logs.logger(label: "queue-tests", level: .debug)
        var simLogger = Logger(label: "ucwa-sim-queue-tests")
        simLogger.logLevel = .critical
        simulator = SimulatorServer(configuration: simulatorConfiguration, clock: simClock, logger: simLogger)
        try await simulator.start()
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ucwa-bridge-queue-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let passwordFile = directory.appendingPathComponent("password")
        try Data((Self.password + "\n").utf8).write(to: passwordFile)
        client = try UCWAClient(
            configuration: UCWAClientConfiguration(
                discovery: .discoveryURL(simulator.discoveryURL),
                credentials: .password(username: Self.username, passwordFile: passwordFile.path),
                endpointId: "4f1c2d3e-0000-4000-8000-00000000a0e0",
                userAgent: "ucwa-bridge-tests"
            ),
            clock: clientClock,
            jitter: JitterSource(SeededGenerator(seed: 3)),
            logger: logger
        )
        context = try await client.openApplication()
        let logsHref = try #require(context.application.communication?.conversationLogs?.href)
        let collection = try #require(await client.get(logsHref).response).decode(ConversationLogs.self)
        logHref = try #require(collection.conversationLogs.first?.href)
        store = try RequestStore(directory: directory)
    }

    /// Runs `body` against a fresh simulator, store and queue stack, and tears everything down afterwards.
    static func run(
        simulator configureSimulator: (inout SimulatorConfiguration) -> Void = { _ in },
        dispatch configureDispatch: (inout DispatchConfiguration) -> Void = { _ in },
        queue queueConfiguration: QueueConfiguration = QueueConfiguration(),
        channel: ChannelSetup = .parked,
        startsQueue: Bool = true,
        _ body: (QueueFixture) async throws -> Void
    ) async throws {
        var simulatorConfiguration = SimulatorConfiguration()
        simulatorConfiguration.users = [
            SimulatedUser(username: username, password: password, sipURI: "sip:\(username)", displayName: "Bridge")
        ]
        configureSimulator(&simulatorConfiguration)
        var dispatchConfiguration = DispatchConfiguration(retry: policy())
        configureDispatch(&dispatchConfiguration)
        dispatchConfiguration.retryScheduling = .byQueue
        let fixture = try await QueueFixture(
            simulatorConfiguration: simulatorConfiguration,
            dispatchConfiguration: dispatchConfiguration,
            queueConfiguration: queueConfiguration
        )
        do {
            let stack = fixture.makeStack()
            switch channel {
            case .parked:
                try await fixture.startChannel()
            case .attachedNotStarted:
                await stack.dispatcher.attach(stack.channel)
            case .detached:
                break
            }
            if startsQueue {
                stack.startQueue(applicationReused: false)
            }
            try await body(fixture)
        } catch {
            await fixture.close()
            throw error
        }
        await fixture.close()
        #expect(!fixture.logs.all.contains { $0.contains(Self.password) }, "a log line carries the password")
        #expect(!fixture.logs.all.contains { $0.contains("cwt=") }, "a log line carries a token")
    }

    /// A new stack on the store and the application, now the current one.
    @discardableResult
    func makeStack() -> QueueStack {
        let clock = clock
        let stack = QueueStack(
            client: client,
            context: context,
            store: store,
            dispatchConfiguration: dispatchConfiguration,
            queueConfiguration: queueConfiguration,
            clock: clock,
            now: { QueueFixture.base.addingTimeInterval(clock.now.offset.timeInterval) },
            logger: logger
        )
        stacks.withLock { $0.append(stack) }
        return stack
    }

    private func close() async {
        for stack in stacks.withLock({ $0 }).reversed() {
            await stack.stop()
        }
        await client.shutdown()
        await simulator.shutdown()
        try? store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: The current stack

    var stack: QueueStack { stacks.withLock { $0[$0.count - 1] } }
    var queue: MessageQueue { stack.queue }
    var dispatcher: Dispatcher { stack.dispatcher }
    var changes: RequestChanges { stack.changes }

    /// Starts the current stack's admission loop.
    func startQueue(applicationReused: Bool = false) {
        stack.startQueue(applicationReused: applicationReused)
    }

    /// Attaches the current channel (unless it is attached: a second `attach` of one channel would end its single
    /// consumer's stream) and starts it on a fresh simulator: returns once the simulator holds its first P-GET (the
    /// only timer on the simulator's clock then).
    func startChannel() async throws {
        let channel = stack.channel
        if await dispatcher.channel !== channel {
            await dispatcher.attach(channel)
        }
        channel.start()
        await sleepers(on: simClock, atLeast: 1)
        #expect(stack.channel.isParked)
    }

    /// The dispatcher's and the queue's wall-clock now.
    var now: Date { Self.base.addingTimeInterval(clock.now.offset.timeInterval) }

    // MARK: Requests

    func draft(
        _ text: String = "hello",
        log: String? = nil,
        operationID: OperationID? = nil,
        idempotencyKey: String? = nil,
        deadline: Date? = nil
    ) -> MessageDraft {
        MessageDraft(
            conversationLog: log ?? logHref,
            message: text,
            operationID: operationID,
            idempotencyKey: idempotencyKey,
            deadline: deadline
        )
    }

    /// Enqueues a new request and returns it as created.
    func enqueue(
        _ text: String = "hello",
        operationID: OperationID? = nil,
        idempotencyKey: String? = nil,
        deadline: Date? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> MessageRequest {
        let insertion = try await queue.enqueue(
            draft(text, operationID: operationID, idempotencyKey: idempotencyKey, deadline: deadline)
        )
        guard case .created(let request) = insertion else {
            Issue.record("expected a new request, got \(insertion)", sourceLocation: sourceLocation)
            return insertion.request
        }
        return request
    }

    /// A new request written straight to the store as a crash leaves one whose first attempt was claimed:
    /// `dispatching`, with an operationId, and no POST sent by this fixture. For restart tests (the queue not started).
    func storeDispatching(_ message: String) async throws -> MessageRequest {
        let request = MessageRequest(
            conversationLog: logHref,
            message: message,
            deadline: now.addingTimeInterval(3600),
            createdAt: now
        )
        _ = try await store.insert(request)
        let dispatched = try StoreSamples.dispatched(request, at: now)
        try await store.record(dispatched)
        return dispatched
    }

    /// The stored row.
    func stored(_ id: RequestID, sourceLocation: SourceLocation = #_sourceLocation) async throws -> MessageRequest {
        try #require(try await store.request(id), "request \(id) is not stored", sourceLocation: sourceLocation)
    }

    /// Waits, through the queue's `change(of:from:within:)`, until the stored request satisfies `predicate` or is
    /// terminal, and returns it. The waits are on the manual clock and never time out by themselves.
    func waitUntil(
        _ id: RequestID,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ predicate: (MessageRequest) -> Bool
    ) async throws -> MessageRequest {
        var request = try await stored(id, sourceLocation: sourceLocation)
        // Each pass waits for one stored change; the state machine bounds the number of changes. A cancelled wait
        // (the time limit) returns at once, so cancellation ends the loop.
        while !predicate(request), !request.state.isTerminal {
            try Task.checkCancellation()
            let changed = try await queue.change(of: id, from: request.state, within: .seconds(86_400))
            request = try #require(changed, sourceLocation: sourceLocation)
        }
        return request
    }

    /// Waits until the request reaches `state` (or ends).
    func wait(
        for id: RequestID,
        toReach state: RequestState,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> MessageRequest {
        let request = try await waitUntil(id, sourceLocation: sourceLocation) { $0.state == state }
        #expect(request.state == state, sourceLocation: sourceLocation)
        return request
    }

    /// Waits until the request is terminal.
    func outcome(_ id: RequestID, sourceLocation: SourceLocation = #_sourceLocation) async throws -> MessageRequest {
        try await waitUntil(id, sourceLocation: sourceLocation) { $0.state.isTerminal }
    }

    /// Returns once the dispatcher no longer runs the request (its run ended and it was forgotten).
    func runEnded(_ id: RequestID) async {
        for await _ in await dispatcher.updates(of: id) {}
    }

    /// Waits until the dispatcher's counters satisfy `predicate`.
    func waitForCounters(_ predicate: (DispatchCounters) -> Bool) async {
        for await counters in await dispatcher.counterUpdates() where predicate(counters) {
            return
        }
    }

    /// How many stored requests are in `state`.
    func count(_ state: RequestState) async throws -> Int {
        try await store.countByState()[state] ?? 0
    }

    /// How many requests are stored.
    func storedCount() async throws -> Int {
        try await store.countByState().values.reduce(0, +)
    }

    /// The simulator's records of the POSTs of `request`'s attempts.
    func posts(of request: MessageRequest) -> [ReceivedContinueMessaging] {
        let ids = Set(request.attempts.map(\.operationID.rawValue))
        return simulator.receivedContinueMessaging.filter { $0.operationId.map(ids.contains) ?? false }
    }

    /// Returns once at least `count` tasks sleep on `clock`, or when the test is cancelled (its time limit):
    /// `ManualClock.sleepers(atLeast:)` alone would hold a test that failed past its time limit for ever.
    func sleepers(on clock: ManualClock, atLeast count: Int) async {
        await untilCancelled { await clock.sleepers(atLeast: count) }
    }

    /// Moves the queue's clock by `step` until `condition` holds, at most `limit` times, each time waiting until the
    /// queue has finished a pass and sleeps again (`otherSleepers` other tasks sleep on the clock meanwhile).
    ///
    /// A step at least as long as the idle interval always wakes a sleeping queue; a pass that was already running
    /// when the clock moved may have read the old time, hence the repetition.
    func advanceQueue(
        by step: Duration,
        otherSleepers: Int = 0,
        limit: Int = 4,
        until condition: () async throws -> Bool
    ) async throws -> Bool {
        for _ in 0..<limit {
            try Task.checkCancellation()
            clock.advance(by: step)
            await sleepers(on: clock, atLeast: 1 + otherSleepers)
            if try await condition() {
                return true
            }
        }
        return false
    }
}

/// Runs `operation` in a task of its own and returns when it ends, or at once when the current task is cancelled
/// (leaving the operation behind): for waits that ignore cancellation.
func untilCancelled(_ operation: @escaping @Sendable () async -> Void) async {
    let box = ContinuationBox()
    await withTaskCancellationHandler {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            box.store(continuation)
            if Task.isCancelled {
                box.resume()
            }
            Task {
                await operation()
                box.resume()
            }
        }
    } onCancel: {
        box.resume()
    }
}

/// A continuation resumed once, by whichever comes first.
private final class ContinuationBox: Sendable {
    private let continuation = Mutex<CheckedContinuation<Void, Never>?>(nil)

    func store(_ continuation: CheckedContinuation<Void, Never>) {
        self.continuation.withLock { $0 = continuation }
    }

    func resume() {
        continuation.withLock { $0.take() }?.resume()
    }
}
