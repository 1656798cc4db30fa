import Bridge
import LocalAPI

/// Where the status reporter reads what the daemon is doing.
protocol StatusSource: Sendable {
    /// The daemon now. Never fails: what cannot be read is left out (see ``StatusSnapshot``).
    func snapshot() async -> StatusSnapshot
}

/// The daemon's own source: the event channel through its ``EventChannelMonitor`` (in memory), the queue's depth
/// (one store read per call: the reporter calls at most once per second), and the ``LastFailure``. Until the
/// session's queue exists (the UCWA application is being opened) it reports the ``OpeningProgress`` instead of the
/// channel, and reads the depth from the store itself.
struct DaemonStatusSource: StatusSource {
    let channel: EventChannelMonitor
    let session: SessionSlot
    let store: RequestStore
    let progress: OpeningProgress
    let failures: LastFailure

    func snapshot() async -> StatusSnapshot {
        guard let parts = session.parts else {
            let depth = try? await store.depth()
            return StatusSnapshot(
                channel: nil,
                queue: depth.map(StatusSnapshot.Queue.init),
                lastFailure: failures.latest,
                opening: StatusSnapshot.Opening(progress)
            )
        }
        let depth = try? await parts.queue.depth()
        return StatusSnapshot(
            channel: channel.snapshot.state,
            queue: depth.map(StatusSnapshot.Queue.init),
            lastFailure: failures.latest
        )
    }
}
