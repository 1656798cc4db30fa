/// What ``RequestStore/insert(_:)`` did with a request.
public enum RequestInsertion: Hashable, Sendable {
    /// The request was new and is now stored, as given.
    case created(MessageRequest)
    /// A request with the same idempotency key was already stored; this is that first request, and nothing was
    /// written.
    case existing(MessageRequest)

    /// The stored request, new or first.
    public var request: MessageRequest {
        switch self {
        case .created(let request), .existing(let request): request
        }
    }
}
