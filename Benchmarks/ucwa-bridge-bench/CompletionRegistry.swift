import Synchronization

/// How an operation ended, as the direct client's event reader saw it.
enum CompletionOutcome: Sendable {
    /// `completed` with `status: Success`, seen at this instant.
    case success(ContinuousClock.Instant)
    /// `completed` with any other status.
    case failure(String)
    /// Nobody will say: the wait was cancelled (timed out) or the channel ended.
    case abandoned
}

/// Matches the `completed` events of the direct client's event channel with the requests waiting for them, by
/// `operationId`. An operation is expected before its POST goes out, since its events may come before the 201.
final class CompletionRegistry: Sendable {
    private struct Entry {
        var outcome: CompletionOutcome?
        var waiter: CheckedContinuation<CompletionOutcome, Never>?
    }

    private let entries = Mutex<[String: Entry]>([:])

    init() {}

    /// Makes `operationId` known, so that a `completed` event for it is kept until ``wait(for:)`` takes it.
    func expect(_ operationId: String) {
        entries.withLock { $0[operationId] = Entry() }
    }

    /// Records the outcome of `operationId`, resuming its waiter; ids that are not expected (or already ended)
    /// are ignored.
    func complete(_ operationId: String, _ outcome: CompletionOutcome) {
        let waiter: CheckedContinuation<CompletionOutcome, Never>? = entries.withLock { entries in
            guard var entry = entries[operationId], entry.outcome == nil else { return nil }
            if let waiter = entry.waiter {
                entries[operationId] = nil
                return waiter
            }
            entry.outcome = outcome
            entries[operationId] = entry
            return nil
        }
        waiter?.resume(returning: outcome)
    }

    /// Ends every wait (the channel ended).
    func abandonAll() {
        let ids = entries.withLock { Array($0.keys) }
        for id in ids {
            complete(id, .abandoned)
        }
    }

    /// Waits for the outcome of an expected `operationId`; cancelling the wait answers ``CompletionOutcome/abandoned``.
    func wait(for operationId: String) async -> CompletionOutcome {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready: CompletionOutcome? = entries.withLock { entries in
                    guard var entry = entries[operationId] else { return .abandoned }
                    if let outcome = entry.outcome {
                        entries[operationId] = nil
                        return outcome
                    }
                    entry.waiter = continuation
                    entries[operationId] = entry
                    return nil
                }
                if let ready {
                    continuation.resume(returning: ready)
                }
            }
        } onCancel: {
            complete(operationId, .abandoned)
        }
    }
}
