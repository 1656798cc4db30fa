import Synchronization

/// Tells waiters once whether the server is listening (with the socket path) or failed to.
final class ListeningSignal: Sendable {
    private enum State {
        case waiting([UInt64: CheckedContinuation<String?, any Error>], next: UInt64)
        case listening(String?)
        case failed(any Error)
    }

    private let state = Mutex(State.waiting([:], next: 0))

    /// Returns once ``succeed(_:)`` or ``fail(_:)`` was called (at once if it was); throws the failure, or
    /// `CancellationError` when the waiting task is cancelled.
    func wait() async throws -> String? {
        let key = state.withLock { state -> UInt64 in
            guard case .waiting(let waiters, let next) = state else { return 0 }
            state = .waiting(waiters, next: next + 1)
            return next + 1
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let outcome = state.withLock { state -> Result<String?, any Error>? in
                    switch state {
                    case .listening(let path):
                        return .success(path)
                    case .failed(let error):
                        return .failure(error)
                    case .waiting(var waiters, let next):
                        if Task.isCancelled {
                            return .failure(CancellationError())
                        }
                        waiters[key] = continuation
                        state = .waiting(waiters, next: next)
                        return nil
                    }
                }
                if let outcome {
                    continuation.resume(with: outcome)
                }
            }
        } onCancel: {
            let continuation = state.withLock { state -> CheckedContinuation<String?, any Error>? in
                guard case .waiting(var waiters, let next) = state else { return nil }
                let continuation = waiters.removeValue(forKey: key)
                state = .waiting(waiters, next: next)
                return continuation
            }
            continuation?.resume(throwing: CancellationError())
        }
    }

    /// The server listens on `path`.
    func succeed(_ path: String?) {
        settle(.listening(path), with: .success(path))
    }

    /// The server will not listen.
    func fail(_ error: any Error) {
        settle(.failed(error), with: .failure(error))
    }

    private func settle(_ final: State, with result: Result<String?, any Error>) {
        let waiters = state.withLock { state -> [CheckedContinuation<String?, any Error>] in
            guard case .waiting(let waiters, _) = state else { return [] }
            state = final
            return Array(waiters.values)
        }
        for waiter in waiters {
            waiter.resume(with: result)
        }
    }
}
