import Foundation

/// What the event channel is doing, for health reporting and the watchdog.
public enum EventChannelState: Hashable, Sendable, CustomStringConvertible {
    /// Not started yet, or about to issue its first P-GET.
    case connecting
    /// A P-GET has been issued and not yet answered. (The client cannot see the moment the server parks it; the
    /// server's grace after a release covers the gap.)
    case parked
    /// The last P-GET failed; the same href is retried at `until` (wall-clock, for display), attempt `attempt`.
    case backingOff(until: Date, attempt: Int)
    /// The application was lost (404 ApplicationNotFound, 410); it is being created again.
    case applicationLost
    /// A P-GET nobody of ours replaced was answered 409 PGetReplaced: another process uses this application.
    /// The channel stopped without fighting.
    case foreignOwner
    /// The channel stopped on an error that retrying cannot fix (bad credentials, TooManyApplications, …).
    case failed(UCWAClientError)
    /// The channel was stopped.
    case stopped

    /// Whether the channel has ended and will not poll again.
    public var isTerminal: Bool {
        switch self {
        case .foreignOwner, .failed, .stopped: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .connecting: "connecting"
        case .parked: "parked"
        case .backingOff(let until, let attempt): "backingOff(until: \(until), attempt: \(attempt))"
        case .applicationLost: "applicationLost"
        case .foreignOwner: "foreignOwner"
        case .failed(let error): "failed(\(error))"
        case .stopped: "stopped"
        }
    }
}
