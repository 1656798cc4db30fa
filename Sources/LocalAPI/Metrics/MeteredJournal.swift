import Bridge

/// A ``RequestJournal`` that counts what the dispatcher stores: outcomes (`delivered`, `failed`, `expired`), retries
/// by reason, and the dispatch-to-completed latency. Every record is a change of state (the dispatcher records once
/// per change); only what the wrapped journal stored is counted.
///
/// ```swift
/// let journal = metrics.journal(wrapping: ObservedJournal(store: store, changes: changes))
/// let dispatcher = Dispatcher(connection: client, origin: origin, journal: journal, ...)
/// ```
public struct MeteredJournal: RequestJournal {
    let base: any RequestJournal
    let metrics: BridgeMetrics

    public init(wrapping base: any RequestJournal, metrics: BridgeMetrics) {
        self.base = base
        self.metrics = metrics
    }

    public func record(_ request: MessageRequest) async throws {
        try await base.record(request)
        switch request.state {
        case .delivered, .failed:
            metrics.recordOutcome(request.state)
            if let started = request.currentAttempt?.startedAt {
                metrics.recordCompletion(seconds: request.updatedAt.timeIntervalSince(started))
            }
        case .expired:
            metrics.recordOutcome(.expired)
        case .retryScheduled where !request.attempts.isEmpty:
            metrics.recordRetry(reason: RetryReason.of(request))
        default:
            break
        }
    }
}
