/// The link an events response tells the client to GET next, with what following it means.
public enum EventChannelContinuation: Hashable, Sendable {
    /// Normal progress; GET this href verbatim.
    case next(Link)
    /// Like ``next(_:)``, but the server reset its transient state (conversations, pending operations).
    case resume(Link)
    /// The client's `ack` was out of range; GET this href to receive the first unacknowledged event set.
    case resync(Link)

    /// The link to follow.
    public var link: Link {
        switch self {
        case .next(let link), .resume(let link), .resync(let link): link
        }
    }
}
