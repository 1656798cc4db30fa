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
    /// step whose loss changes nothing a restart does: `started` once the attempt's answer (its 201) is stored, which
    /// the `awaitingEvents` commit before it did: a restored row in `awaitingEvents` is treated the same way, waiting
    /// for the events of the same operationId.
    ///
    /// Not for a `started` whose attempt got no answer (the POST was ambiguous, or the row was restored in
    /// `dispatching`): there the event is the only proof that the server has the message, and without it a restored
    /// row would be `dispatching`, ambiguous, and sent again after the grace window. Not for `awaitingEvents` (it
    /// holds the proof of the 201 and the invitation's `Location`), not for `retryScheduled` (without it a restored
    /// row would wait for an outcome that was a refusal, and end failed instead of retried), and not for an event
    /// batch's next href (the next P-GET acknowledges the batch at once; a stale href gets a `resync`, which makes
    /// every request in flight ambiguous).
    case deferred

    /// The durability a commit of `request` as it is now needs.
    static func recording(_ request: MessageRequest) -> CommitDurability {
        switch request.state {
        case .started where request.currentAttempt?.httpStatus != nil: .deferred
        case .accepted, .dispatching, .awaitingEvents, .started, .retryScheduled, .delivered, .failed, .cancelled,
            .expired:
            .synced
        }
    }
}
