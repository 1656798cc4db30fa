import Foundation
import Logging
import UCWA

/// The same work as the daemon's, done by the `UCWA` module alone with no daemon in between: one application, its
/// event channel read by one task, and per request a GET of the conversation log and a continueMessaging POST with
/// a new `operationId`, done when that operation's `completed` event arrives.
final class DirectClient: Sendable {
    private let client: UCWAClient
    private let channel: EventChannel
    private let completions: CompletionRegistry
    private let reader: Task<Void, Never>
    /// The conversation log every request continues, as the server wrote its href.
    let conversationLog: String

    /// How long a request may wait for its `completed` event.
    static let completionTimeout: Duration = .seconds(60)

    /// Signs in, opens an application, starts its event channel (waiting until it is parked) and picks the first
    /// conversation log.
    init(discoveryURL: String, passwordFile: String, logger: Logger) async throws {
        guard let url = URL(string: discoveryURL) else { throw BenchmarkError("bad discovery URL \(discoveryURL)") }
        let configuration = UCWAClientConfiguration(
            discovery: .discoveryURL(url),
            credentials: .password(username: SimulatorProcess.username, passwordFile: passwordFile),
            endpointId: UUID().uuidString.lowercased(),
            userAgent: "ucwa-bridge-bench"
        )
        let client = try UCWAClient(configuration: configuration, logger: logger)
        let conversationLog: String
        do {
            let context = try await client.openApplication()
            guard let logsHref = context.application.communication?.conversationLogs?.href else {
                throw BenchmarkError("the application has no conversationLogs link")
            }
            let logs = try Self.decode(ConversationLogs.self, await client.get(logsHref))
            guard let first = logs.conversationLogs.first?.href else { throw BenchmarkError("no conversation log") }
            conversationLog = first
        } catch {
            await client.shutdown()
            throw error
        }
        let channel = EventChannel(client: client, logger: logger)
        let completions = CompletionRegistry()
        self.client = client
        self.channel = channel
        self.completions = completions
        self.conversationLog = conversationLog
        reader = Task { await Self.read(channel, into: completions) }
        channel.start()
        do {
            try await channel.waitUntilParked()
        } catch {
            await shutdown()
            throw BenchmarkError("the event channel did not park: \(error)")
        }
    }

    /// The one consumer of the channel's elements: hands each `completed` event to the registry, stamped with
    /// the time its response arrived here.
    private static func read(_ channel: EventChannel, into completions: CompletionRegistry) async {
        // Bounded by the channel: its elements end when it stops.
        for await element in channel.elements {
            guard case .events(let response) = element else { continue }
            let now = ContinuousClock.now
            for event in response.events where event.type == .completed {
                guard let operationId = event.operationId else { continue }
                if event.status?.isSuccess == true {
                    completions.complete(operationId, .success(now))
                } else {
                    let reason = event.reason.map { "\($0)" } ?? "no reason"
                    completions.complete(operationId, .failure("\(event.status?.rawValue ?? "no status"): \(reason)"))
                }
            }
        }
        completions.abandonAll()
    }

    /// Continues the conversation log with `message` and waits for the `completed` event of the operation. A
    /// `500 ServiceFailure/CallbackChannelError` (no P-GET parked at that moment) is retried, as the daemon does,
    /// with a new `operationId` once the channel is parked again; the daemon waits its backoff first.
    func deliver(_ message: String) async throws -> DeliverySample {
        let started = ContinuousClock.now
        var attempts = 0
        // Bounded: at most maximumAttempts POSTs.
        while true {
            attempts += 1
            let operationID = OperationID.random()
            completions.expect(operationID.rawValue)
            let posted = await post(message, operationID: operationID)
            if posted.httpStatus == 201 {
                let completed = try await completion(of: operationID)
                return DeliverySample(observed: completed - started, localAPICalls: 0, attempts: attempts)
            }
            completions.complete(operationID.rawValue, .abandoned)
            guard posted.errorReason?.subcode == .callbackChannelError, attempts < Self.maximumAttempts else {
                throw BenchmarkError("continueMessaging answered \(Self.describe(posted)) (attempt \(attempts))")
            }
            try await channel.waitUntilParked()
        }
    }

    /// The POSTs a request may take.
    static let maximumAttempts = 5

    /// One attempt: GET the conversation log (as the daemon does on every attempt), then POST continueMessaging.
    private func post(_ message: String, operationID: OperationID) async -> UCWAOutcome {
        let read = await client.get(conversationLog)
        guard case .success(let response) = read, let log = try? response.decode(ConversationLog.self),
            let continueMessaging = log.continueMessaging?.href
        else {
            return read
        }
        let body = ContinueMessagingRequest(operationID: operationID, message: OutgoingMessage(text: message))
        return await client.post(continueMessaging, body: body.encoded(as: .json))
    }

    /// When the `completed` event of `operationID` arrived; throws on a failed completion or none in time.
    private func completion(of operationID: OperationID) async throws -> ContinuousClock.Instant {
        let completions = completions
        let outcome = await withTaskGroup(of: CompletionOutcome.self) { group in
            group.addTask { await completions.wait(for: operationID.rawValue) }
            group.addTask {
                try? await Task.sleep(for: Self.completionTimeout)
                return .abandoned
            }
            let first = await group.next() ?? .abandoned
            group.cancelAll()
            return first
        }
        switch outcome {
        case .success(let completed):
            return completed
        case .failure(let reason):
            throw BenchmarkError("operation \(operationID) completed with \(reason)")
        case .abandoned:
            throw BenchmarkError("no completed event for operation \(operationID) within \(Self.completionTimeout)")
        }
    }

    /// Stops the channel and closes the client (the application is left to expire, as the daemon's would be).
    func shutdown() async {
        await channel.stop()
        await reader.value
        await client.shutdown()
    }

    private static func decode<Resource: UCWAResource>(
        _ type: Resource.Type,
        _ outcome: UCWAOutcome
    ) throws -> Resource {
        guard case .success(let response) = outcome else {
            throw BenchmarkError("GET \(Resource.resourceName) answered \(describe(outcome))")
        }
        return try response.decode(type)
    }

    private static func describe(_ outcome: UCWAOutcome) -> String {
        switch outcome {
        case .success(let response), .infrastructureError(let response): "\(response.status)"
        case .ucwaError(let response, let reason): "\(response.status) \(reason)"
        case .notSent(let error), .ambiguous(let error): "\(error)"
        }
    }
}
