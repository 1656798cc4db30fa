import Hummingbird
import Logging

/// What every route handler gets besides the request: the logger and the peer's credentials.
struct APIRequestContext: RequestContext {
    /// Where a context comes from: one per request, made by ``APIResponder``.
    struct Source: RequestContextSource {
        let logger: Logger
        let peer: PeerCredentials?
    }

    var coreContext: CoreRequestContextStorage
    /// The peer of the connection (the policy admitted it).
    let peer: PeerCredentials?

    init(source: Source) {
        coreContext = CoreRequestContextStorage(source: source)
        peer = source.peer
    }
}
