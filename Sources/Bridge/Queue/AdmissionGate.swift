import Foundation

/// Whether a request just stored may start from the enqueue that stored it, or must wait for the admission loop so
/// that older due requests go first. The queue's admission passes and enqueues report to it; it holds no requests.
struct AdmissionGate: Sendable {
    /// Whether due requests may wait in the store without a run: `true` until an admission pass has started a run
    /// for every due request it read and no request was left for the loop since.
    private(set) var mayHoldDueRequests = true
    /// Whether an admission pass is under way (between its start and its end, across its reads and admissions).
    private(set) var isPassing = false
    /// Whether a request was left for the loop since the running pass began: that pass may not have read it.
    private var leftSincePassBegan = false
    /// When the earliest retry falls due, as the last complete pass read it: from then on that older request waits
    /// for the loop, and new requests must not overtake it.
    private var nextRetryAt: Date?
    /// Requests cancelled while a pass runs: the rows that pass read may still show them due.
    private var cancelledDuringPass: Set<RequestID> = []

    /// Whether a request stored at `now` may start at once.
    func admitsDirectly(at now: Date) -> Bool {
        let retryIsDue = nextRetryAt.map { $0 <= now } ?? false
        return !mayHoldDueRequests && !isPassing && !retryIsDue
    }

    /// A stored request was left for the loop: later ones must not overtake it until a pass has read it.
    mutating func requestLeftForLoop() {
        mayHoldDueRequests = true
        leftSincePassBegan = true
    }

    /// An admission pass begins; until it has read the store and admitted what it read, every request waits for the
    /// loop.
    mutating func passBegins() {
        isPassing = true
        mayHoldDueRequests = true
        leftSincePassBegan = false
        cancelledDuringPass.removeAll()
    }

    /// The pass admitted what it read: `leftWaiting` when due requests stayed on disk; `nextRetryAt` as it read it.
    mutating func passAdmitted(leftWaiting: Bool, nextRetryAt: Date?) {
        mayHoldDueRequests = leftWaiting || leftSincePassBegan
        self.nextRetryAt = nextRetryAt
    }

    /// The pass is over, whether or not it read the store.
    mutating func passEnds() {
        isPassing = false
    }

    /// A request was cancelled; a running pass must not admit it from what it read before.
    mutating func cancelled(_ id: RequestID) {
        if isPassing {
            cancelledDuringPass.insert(id)
        }
    }

    /// Whether `id` was cancelled since the running pass began.
    func wasCancelledDuringPass(_ id: RequestID) -> Bool {
        cancelledDuringPass.contains(id)
    }
}
