import Bridge
import LocalAPI

/// Where the status reporter reads what the daemon is doing.
protocol StatusSource: Sendable {
    /// The daemon now. Never fails: what cannot be read is left out (see ``StatusSnapshot``).
    func snapshot() async -> StatusSnapshot
}

/// The daemon's own source: the event channel through its ``EventChannelMonitor`` (in memory), the queue's depth
/// (one store read per call: the reporter calls at most once per second), and the ``LastFailure``.
struct DaemonStatusSource: StatusSource {
    let channel: EventChannelMonitor
    let queue: MessageQueue
    let failures: LastFailure

    func snapshot() async -> StatusSnapshot {
        let depth = try? await queue.depth()
        return StatusSnapshot(
            channel: channel.snapshot.state,
            queue: depth.map(StatusSnapshot.Queue.init),
            lastFailure: failures.latest
        )
    }
}
