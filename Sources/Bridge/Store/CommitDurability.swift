/// How far a write transaction must be on disk when it returns.
///
/// Both survive a crash of the daemon: a commit is in the WAL (in the kernel's page cache) before the call returns.
/// They differ on a power loss or kernel crash.
enum CommitDurability: Sendable, Hashable {
    /// `synchronous = FULL`: the WAL is synced before the commit returns. For what the bridge promises or acts on
    /// outside itself: a request accepted (the API's `202`), an operationId claimed before its POST goes out, a
    /// final state a client may act on.
    case synced
    /// `synchronous = NORMAL`: synced with the next synced commit or checkpoint, whichever comes first. For steps a
    /// restart can recover from when they are lost: an event batch's next href (the server serves the batch again),
    /// `awaitingEvents`, `started` and `retryScheduled` (the row falls back to `dispatching`, which the grace-window
    /// rule resolves without a duplicate).
    case deferred

    /// The durability a request's row needs once it is in `state`.
    static func recording(_ state: RequestState) -> CommitDurability {
        switch state {
        case .accepted, .dispatching, .delivered, .failed, .cancelled, .expired: .synced
        case .awaitingEvents, .started, .retryScheduled: .deferred
        }
    }
}
