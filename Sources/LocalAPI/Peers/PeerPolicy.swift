import Glibc

/// Who may use the API socket: root, the daemon's own user, members of the socket's group (primary or
/// supplementary), and the configured uids and gids (`api.allowedUIDs`, `api.allowedGIDs`).
///
/// The socket's `0660` mode already keeps others out; the policy is the second lock, and the one that names the
/// peer in the log.
public struct PeerPolicy: Sendable, Hashable {
    /// Users allowed besides root, the daemon's user and the socket group.
    public var allowedUIDs: Set<UInt32>
    /// Groups allowed besides the socket group (primary or supplementary).
    public var allowedGIDs: Set<UInt32>
    /// Whether uid 0 is allowed (always in the daemon; tests running as root turn it off to see a refusal).
    public var allowsRoot: Bool
    /// The daemon's effective uid, which is allowed.
    public var daemonUID: UInt32
    /// The socket file's group; when `nil` the server fills in the group of the socket it listens on.
    public var socketGroupID: UInt32?

    public init(
        allowedUIDs: Set<UInt32> = [],
        allowedGIDs: Set<UInt32> = [],
        allowsRoot: Bool = true,
        daemonUID: UInt32 = geteuid(),
        socketGroupID: UInt32? = nil
    ) {
        self.allowedUIDs = allowedUIDs
        self.allowedGIDs = allowedGIDs
        self.allowsRoot = allowsRoot
        self.daemonUID = daemonUID
        self.socketGroupID = socketGroupID
    }

    /// What the policy says about a peer.
    public enum Decision: Sendable, Hashable {
        /// Allowed; the reason names the rule (`root`, `daemon user`, `socket group`, ...).
        case allowed(String)
        /// Refused; the sentence for the 403 answer.
        case refused(String)

        public var isAllowed: Bool {
            if case .allowed = self { return true }
            return false
        }
    }

    /// Decides about `peer`; `supplementaryGroups` is called only when the uid and primary gid do not decide.
    public func decide(_ peer: PeerCredentials?, supplementaryGroups: () -> [UInt32]) -> Decision {
        guard let peer else {
            return .refused("the peer credentials of this connection are unknown; it may not use this socket")
        }
        if allowsRoot, peer.uid == 0 { return .allowed("root") }
        if peer.uid == daemonUID { return .allowed("daemon user") }
        if allowedUIDs.contains(peer.uid) { return .allowed("allowed uid") }
        if let socketGroupID, peer.gid == socketGroupID { return .allowed("socket group") }
        if allowedGIDs.contains(peer.gid) { return .allowed("allowed gid") }
        let groups = Set(supplementaryGroups())
        if let socketGroupID, groups.contains(socketGroupID) { return .allowed("socket group (supplementary)") }
        if !groups.isDisjoint(with: allowedGIDs) { return .allowed("allowed gid (supplementary)") }
        return .refused(
            "uid \(peer.uid) (gid \(peer.gid)) may not use this socket; add the user to the socket's group"
                + (socketGroupID.map { " (gid \($0))" } ?? "") + " or to api.allowedUIDs / api.allowedGIDs"
        )
    }
}
