import Glibc

/// Looks up groups in the group database (`/etc/group`, NSS).
public enum GroupLookup {
    /// The gid of the group `name`; a decimal number is taken as a gid.
    ///
    /// - Throws: ``ListeningSocketError/Code/unknownGroup`` when no such group exists.
    public static func groupID(named name: String) throws(ListeningSocketError) -> UInt32 {
        if let numeric = UInt32(name) {
            return numeric
        }
        var capacity = 1024
        // Bounded: the buffer doubles up to 1 MiB, past any real group entry.
        while capacity <= 1 << 20 {
            var entry = group()
            var result: UnsafeMutablePointer<group>?
            var buffer = [CChar](repeating: 0, count: capacity)
            let status = getgrnam_r(name, &entry, &buffer, capacity, &result)
            if status == ERANGE {
                capacity *= 2
                continue
            }
            guard status == 0, result != nil else { break }
            return entry.gr_gid
        }
        throw ListeningSocketError(
            .unknownGroup,
            "the socket group \(name) does not exist; create it (e.g. with systemd-sysusers) or change api.socketGroup"
        )
    }
}
