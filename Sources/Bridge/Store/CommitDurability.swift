/// How far a write transaction must be on disk when it returns.
///
/// Both survive a crash of the daemon: a commit is in the WAL (in the kernel's page cache) before the call returns.
/// They differ on a power loss or kernel crash.
enum CommitDurability: Sendable, Hashable {
    /// `synchronous = FULL`: the WAL is synced before the commit returns. For what the bridge promises or acts on
    /// outside itself (a request accepted, the API's `202`; an operationId claimed before its POST goes out; a final
    /// state a client may act on) and for what a restart decides by (the 201 of an attempt, a scheduled retry, the
    /// event channel's position).
    case synced
    /// `synchronous = NORMAL`: synced with the next synced commit or checkpoint, whichever comes first. Only for a
    /// step whose loss changes nothing a restart does: `started` (a restored row in `awaitingEvents` is treated the
    /// same way, waiting for the events of the same operationId).
    ///
    /// Not for `awaitingEvents` (it holds the proof of the 201 and the invitation's `Location`: without it the row is
    /// `dispatching`, ambiguous, and may be sent again), not for `retryScheduled` (without it a restored row would
    /// wait for an outcome that was a refusal, and end failed instead of retried), and not for an event batch's next
    /// href (the next P-GET acknowledges the batch at once; a stale href gets a `resync`, which makes every request
    /// in flight ambiguous).
    case deferred

    /// The durability a request's row needs once it is in `state`.
    static func recording(_ state: RequestState) -> CommitDurability {
        switch state {
        case .started: .deferred
        case .accepted, .dispatching, .awaitingEvents, .retryScheduled, .delivered, .failed, .cancelled, .expired:
            .synced
        }
    }
}
