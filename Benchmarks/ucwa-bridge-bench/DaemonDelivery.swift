import LocalAPIModels

/// One request through the daemon, the way a local program does it: `POST /v1/messages?wait=30s&until=final`,
/// held until the request is final (as `ucwa-bridge send --wait` does when nobody watches its progress), then
/// `GET /v1/messages/{id}?wait=30s&until=final` only if that wait ran out: one local API call per request.
struct DaemonDelivery: Sendable {
    let api: LocalAPIClient
    /// The conversation log every request continues.
    let conversationLog: String

    /// At most this many long polls per request (one is enough unless a request takes longer than 30 s).
    static let maximumPolls = 20

    /// Queues `message` and follows it to `delivered`; any other end is an error.
    func deliver(_ message: String) async throws -> DeliverySample {
        let started = ContinuousClock.now
        var view = try await api.submit(
            MessageSubmission(conversationLog: conversationLog, message: message),
            wait: "30s&until=final"
        )
        var polls = 0
        // Bounded by maximumPolls.
        while !view.state.isTerminal {
            guard polls < Self.maximumPolls else {
                throw BenchmarkError("request \(view.id) still \(view.state.rawValue) after \(polls) long polls")
            }
            polls += 1
            view = try await api.message(id: view.id, wait: "30s&until=final")
        }
        let finished = ContinuousClock.now
        guard view.state == .delivered else {
            let failure = view.failure.map { " (\($0.code)/\($0.subcode ?? "-"): \($0.message))" } ?? ""
            throw BenchmarkError("request \(view.id) ended \(view.state.rawValue)\(failure)")
        }
        return DeliverySample(
            observed: finished - started,
            acceptedToDelivered: .milliseconds(
                Int64((view.updatedAt.timeIntervalSince(view.createdAt) * 1000).rounded())
            ),
            localAPICalls: 1 + polls,
            attempts: view.attempts.count,
            id: view.id
        )
    }

    /// Queues `message` and returns as soon as the daemon accepted it (`202`): how long the POST took.
    func enqueue(_ message: String) async throws -> Duration {
        let started = ContinuousClock.now
        _ = try await api.submit(MessageSubmission(conversationLog: conversationLog, message: message))
        return .now - started
    }
}
