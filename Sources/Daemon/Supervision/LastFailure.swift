import Foundation
import Synchronization

/// The most recent failure among the daemon's requests, for the `STATUS=` line: what it was (a UCWA code such as
/// `ServiceFailure/CallbackChannelError`, `HTTP 503`, `no answer`, `Expired`) and when. Fed by a
/// ``FailureJournal``; read by the status reporter.
final class LastFailure: Sendable {
    /// One failure: its code and when it happened.
    struct Mark: Sendable, Hashable {
        var code: String
        var at: Date
    }

    private let mark = Mutex<Mark?>(nil)

    init() {}

    /// The latest failure so far, if any.
    var latest: Mark? {
        mark.withLock { $0 }
    }

    /// Records a failure; an older one than the latest (requests finish out of order) is ignored.
    func record(_ code: String, at time: Date) {
        mark.withLock { mark in
            if let current = mark, current.at > time { return }
            mark = Mark(code: code, at: time)
        }
    }
}
