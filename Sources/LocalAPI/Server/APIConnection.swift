import HummingbirdCore

/// An accepted connection: its HTTP/1.1 channel and the peer's credentials, read when it was accepted.
struct APIConnection: Sendable {
    let http: HTTP1Channel.Value
    let peer: PeerCredentials?
}
