/// A request's state as the API names it; the names are part of the interface.
public enum MessageState: String, Codable, Sendable, CaseIterable {
    case accepted
    case dispatching
    case awaitingEvents
    case started
    case retryScheduled
    case delivered
    case failed
    case cancelled
    case expired

    /// Whether the request will not change any more.
    public var isTerminal: Bool {
        switch self {
        case .delivered, .failed, .cancelled, .expired: true
        default: false
        }
    }
}
