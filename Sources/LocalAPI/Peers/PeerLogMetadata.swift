import Logging

/// The peer whose API request the current task serves, for the log lines made on its behalf.
///
/// The responder sets it around each request's handler; ``provider``, installed as the daemon's swift-log metadata
/// provider, adds `peer-uid`, `peer-gid` and `peer-pid` to every line logged meanwhile, such as the queue's
/// "request accepted", wherever that line is written.
public enum PeerLogMetadata {
    /// The peer of the request being served; `nil` outside a request.
    @TaskLocal public static var peer: PeerCredentials?

    /// The metadata of ``peer``; empty outside a request.
    public static let provider = Logger.MetadataProvider {
        guard let peer else { return [:] }
        return ["peer-uid": "\(peer.uid)", "peer-gid": "\(peer.gid)", "peer-pid": "\(peer.pid)"]
    }
}
