import Foundation
import UCWA

/// Composes the one `STATUS=` line that `systemctl status` shows: the event channel (or, before there is one, the
/// opening of the UCWA application), the queue, the last failure.
///
/// ```
/// event channel parked, 3 queued, 1 in flight
/// event channel backing off (attempt 2), 0 queued, 0 in flight, last error: HTTP 503 at 2026-11-29T08:57:45Z
/// opening the UCWA application (attempt 3: connection refused), 2 queued, 0 in flight
/// ```
///
/// The line depends only on the snapshot, so an unchanged daemon gives an unchanged line (and nothing is sent).
enum StatusLine {
    /// The line for `snapshot`.
    static func compose(_ snapshot: StatusSnapshot) -> String {
        var parts = [snapshot.opening.map(opening) ?? channel(snapshot.channel)]
        if let queue = snapshot.queue {
            parts.append("\(queue.queued) queued, \(queue.inFlight) in flight")
        } else {
            parts.append("queue unreadable")
        }
        if let failure = snapshot.lastFailure {
            parts.append("last error: \(failure.code) at \(failure.at.formatted(.iso8601))")
        }
        return parts.joined(separator: ", ")
    }

    private static func opening(_ opening: StatusSnapshot.Opening) -> String {
        guard opening.failedAttempt > 0 else { return "opening the UCWA application" }
        let reason = opening.reason.map { ": \($0)" } ?? " failed"
        return "opening the UCWA application (attempt \(opening.failedAttempt)\(reason))"
    }

    private static func channel(_ state: EventChannelState?) -> String {
        switch state {
        case nil: "event channel not started"
        case .connecting: "event channel connecting"
        case .parked: "event channel parked"
        case .backingOff(_, let attempt): "event channel backing off (attempt \(attempt))"
        case .applicationLost: "event channel lost its application, creating a new one"
        case .foreignOwner: "event channel stopped: another process uses the UCWA application"
        case .failed(let error): "event channel failed: \(error.code)"
        case .stopped: "event channel stopped"
        }
    }
}
