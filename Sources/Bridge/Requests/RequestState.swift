/// Where a continueMessaging request is in its life. The raw values are part of the local API.
///
/// ```
/// accepted --> dispatching --> awaitingEvents --> started --> delivered
///    ^             |                |                |
///    |             |                +----------------+--> failed (reason code/subcode)
///    |             v
///    +------- retryScheduled (next attempt time stored)        cancelled, expired
/// ```
public enum RequestState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Stored, waiting for its first attempt.
    case accepted
    /// An attempt's operationId is stored and its POST is going out.
    case dispatching
    /// The POST answered 201; its events have not said more yet.
    case awaitingEvents
    /// A `started` event arrived for the current attempt.
    case started
    /// The last attempt can be retried; the next attempt time is stored.
    case retryScheduled
    /// A `completed` event with status Success arrived.
    case delivered
    /// A terminal error: a `completed` Failure or a synchronous error that is never retried.
    case failed
    /// Cancelled by a client while no attempt was in flight.
    case cancelled
    /// The deadline passed before the request was delivered.
    case expired

    /// Whether the request's story is over.
    public var isTerminal: Bool {
        switch self {
        case .delivered, .failed, .cancelled, .expired: true
        default: false
        }
    }

    /// Whether the request waits for an attempt (`accepted`, `retryScheduled`): the states a cancel may end.
    public var isWaiting: Bool {
        switch self {
        case .accepted, .retryScheduled: true
        default: false
        }
    }

    /// Whether an attempt may be on the wire or awaiting its events.
    public var isInFlight: Bool {
        switch self {
        case .dispatching, .awaitingEvents, .started: true
        default: false
        }
    }

    /// Whether the state machine allows a move from this state to `next`. Every change of state
    /// goes through this check, in one place.
    public func allows(_ next: RequestState) -> Bool {
        switch (self, next) {
        case (.accepted, .dispatching), (.retryScheduled, .dispatching):
            return true
        case (.accepted, .cancelled), (.retryScheduled, .cancelled):
            return true
        case (.dispatching, .awaitingEvents), (.dispatching, .started), (.awaitingEvents, .started):
            return true
        case (.dispatching, .delivered), (.awaitingEvents, .delivered), (.started, .delivered):
            return true
        case (.dispatching, .failed), (.awaitingEvents, .failed), (.started, .failed):
            return true
        case (.dispatching, .retryScheduled), (.awaitingEvents, .retryScheduled), (.started, .retryScheduled):
            return true
        case (_, .expired):
            return !isTerminal
        default:
            return false
        }
    }
}
