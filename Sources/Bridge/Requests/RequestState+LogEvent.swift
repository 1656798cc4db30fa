import Logging

extension RequestState {
    /// The `event` log metadata of a change into this state, for the changes that are key events of a request's
    /// life (the daemon's journal marks them with a fixed `MESSAGE_ID`): `request-accepted`, `request-delivered`,
    /// `request-failed`, `request-retry-scheduled`, `request-expired`, `request-cancelled`; empty for the steps in
    /// between (`dispatching`, `awaitingEvents`, `started`).
    public var logEvent: Logger.Metadata {
        switch self {
        case .accepted: ["event": "request-accepted"]
        case .delivered: ["event": "request-delivered"]
        case .failed: ["event": "request-failed"]
        case .retryScheduled: ["event": "request-retry-scheduled"]
        case .expired: ["event": "request-expired"]
        case .cancelled: ["event": "request-cancelled"]
        case .dispatching, .awaitingEvents, .started: [:]
        }
    }
}
