import Foundation

/// One snapshot of what the admission loop needs: the requests due now and when the next retry falls due.
public struct AdmissionCandidates: Sendable, Hashable {
    /// `accepted` and due `retryScheduled` requests, oldest first (as ``RequestStore/dueRequests(now:limit:)``
    /// chooses them).
    public var due: [MessageRequest]
    /// The earliest `nextAttemptAt` of a `retryScheduled` request, due or not; `nil` when none waits for a retry.
    public var nextAttemptAt: Date?
}
