import Bridge
import LocalAPI
import UCWA

/// What the daemon is doing at one moment, as the `STATUS=` line tells it (see ``StatusLine``).
struct StatusSnapshot: Sendable, Hashable {
    /// The requests waiting (`accepted`, `retryScheduled`) and in flight (`dispatching`, `awaitingEvents`,
    /// `started`).
    struct Queue: Sendable, Hashable {
        var queued: Int
        var inFlight: Int

        init(queued: Int, inFlight: Int) {
            self.queued = queued
            self.inFlight = inFlight
        }

        /// The counts of a queue depth.
        init(_ depth: QueueDepth) {
            queued = depth.byState.filter { $0.key.isWaiting }.values.reduce(0, +)
            inFlight = depth.byState.filter { $0.key.isInFlight }.values.reduce(0, +)
        }
    }

    /// How the opening of the UCWA application goes, while it is not open.
    struct Opening: Sendable, Hashable {
        /// The number of the last attempt that failed; 0 while the first one is under way.
        var failedAttempt: Int
        /// Why that attempt failed; `nil` while the first one is under way.
        var reason: String?

        init(failedAttempt: Int = 0, reason: String? = nil) {
            self.failedAttempt = failedAttempt
            self.reason = reason
        }

        /// The opening as `progress` records it.
        init(_ progress: OpeningProgress) {
            let failure = progress.lastFailure
            self.init(failedAttempt: failure?.attempt ?? 0, reason: failure?.reason)
        }
    }

    /// The event channel's state; `nil` before a channel is watched.
    var channel: EventChannelState?
    /// The queue's counts; `nil` when the store did not answer.
    var queue: Queue?
    /// The latest failure, if any.
    var lastFailure: LastFailure.Mark?
    /// Set while the UCWA application is being opened (there is no event channel yet); `nil` once it is open.
    var opening: Opening? = nil
}
