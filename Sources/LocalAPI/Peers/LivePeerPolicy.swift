import Synchronization

/// The ``PeerPolicy`` in force, shared by the server and whoever changes it while the server runs (a configuration
/// reload).
///
/// The server reads it once per accepted connection: a change applies to connections accepted after it, and a
/// connection keeps the decision made when it was accepted for all its requests.
public final class LivePeerPolicy: Sendable {
    private let policy: Mutex<PeerPolicy>

    /// Creates the holder with `policy` in force.
    public init(_ policy: PeerPolicy) {
        self.policy = Mutex(policy)
    }

    /// The policy in force now.
    public var current: PeerPolicy {
        policy.withLock { $0 }
    }

    /// Changes the policy in force, atomically with respect to readers.
    public func update(_ change: (inout PeerPolicy) -> Void) {
        policy.withLock { change(&$0) }
    }

    /// Replaces the configured lists (`api.allowedUIDs`, `api.allowedGIDs`); root, the daemon's user and the socket
    /// group stay as they are.
    public func setAllowed(uids: Set<UInt32>, gids: Set<UInt32>) {
        update {
            $0.allowedUIDs = uids
            $0.allowedGIDs = gids
        }
    }
}
