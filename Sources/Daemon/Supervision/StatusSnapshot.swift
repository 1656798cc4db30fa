import Bridge
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
            queued = depth.byState.filter { $0.key == .accepted || $0.key == .retryScheduled }.values.reduce(0, +)
            inFlight = depth.byState.filter { $0.key.isInFlight }.values.reduce(0, +)
        }
    }

    /// The event channel's state; `nil` before a channel is watched.
    var channel: EventChannelState?
    /// The queue's counts; `nil` when the store did not answer.
    var queue: Queue?
    /// The latest failure, if any.
    var lastFailure: LastFailure.Mark?
}
