import Bridge

/// A ``RequestJournal`` that notes in a ``LastFailure`` every failure it stores: a request that `failed` (its
/// failure code), one that will be retried (what its attempt got), one that `expired`. Only what the wrapped journal
/// stored is noted; the request is passed on unchanged.
struct FailureJournal: RequestJournal {
    let base: any RequestJournal
    let failures: LastFailure

    init(wrapping base: any RequestJournal, failures: LastFailure) {
        self.base = base
        self.failures = failures
    }

    func record(_ request: MessageRequest) async throws {
        try await base.record(request)
        if let code = Self.failureCode(of: request) {
            failures.record(code, at: request.updatedAt)
        }
    }

    /// The failure `request` records now, or `nil` when its state is not a failure.
    static func failureCode(of request: MessageRequest) -> String? {
        switch request.state {
        case .failed:
            guard let failure = request.failure else { return "Failed" }
            return failure.subcode.map { "\(failure.code)/\($0)" } ?? failure.code
        case .retryScheduled:
            guard let attempt = request.currentAttempt else { return nil }
            if let code = attempt.code {
                return attempt.subcode.map { "\(code)/\($0)" } ?? code
            }
            return attempt.httpStatus.map { "HTTP \($0)" } ?? "no answer"
        case .expired:
            return "Expired"
        default:
            return nil
        }
    }
}
