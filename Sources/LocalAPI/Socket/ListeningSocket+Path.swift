import Glibc

extension ListeningSocket {
    /// The backlog of a socket the server binds itself.
    static let backlog: Int32 = 128

    /// Binds and listens on `path` (see ``ListeningSocket/path(_:group:mode:)``).
    static func bind(path: String, group: String?, mode: UInt32) throws(ListeningSocketError) -> OpenSocket {
        var address = try UnixSocketAddress(path: path)
        let groupID = try group.map { name throws(ListeningSocketError) in try GroupLookup.groupID(named: name) }
        try ParentDirectory.ensure(for: path)
        try removeStale(at: path)

        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        try SystemCall.check(descriptor, "socket", "for \(path)")
        var bound = false
        do throws(ListeningSocketError) {
            try SystemCall.check(address.bind(descriptor), "bind", path)
            bound = true
            // Permissions before listen(): until then every connection attempt is refused.
            try SystemCall.check(chmod(path, mode_t(mode)), "chmod", path)
            if let groupID {
                try SystemCall.check(chown(path, uid_t.max, groupID), "chown", "\(path) to gid \(groupID)")
            }
            try SystemCall.check(listen(descriptor, backlog), "listen", "on \(path)")
            guard let file = FileIdentity.of(path: path) else {
                throw SystemCall.failure("stat", path, errno)
            }
            return OpenSocket(descriptor: descriptor, path: path, groupID: file.groupID, ownedFile: file.identity)
        } catch {
            close(descriptor)
            if bound {
                unlink(path)
            }
            throw error
        }
    }

    /// Removes a socket file nobody listens on; leaves the path alone when nothing is there.
    ///
    /// - Throws: ``ListeningSocketError/Code/notASocket`` for another kind of file, ``ListeningSocketError/Code/inUse``
    ///   when a process accepts connections on it.
    static func removeStale(at path: String) throws(ListeningSocketError) {
        guard let existing = FileIdentity.of(path: path) else { return }
        guard existing.mode & S_IFMT == S_IFSOCK else {
            throw ListeningSocketError(
                .notASocket,
                "\(path) exists and is not a socket; it is not removed: move it away or choose another api.socketPath"
            )
        }
        var address = try UnixSocketAddress(path: path)
        let probe = socket(
            AF_UNIX,
            Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue | SOCK_NONBLOCK.rawValue),
            0
        )
        try SystemCall.check(probe, "socket", "to probe \(path)")
        let result = address.connect(probe)
        let code = errno
        close(probe)
        if result == 0 || code == EAGAIN || code == EINPROGRESS {
            throw ListeningSocketError(
                .inUse,
                "another process listens on \(path); is another ucwa-bridged running?"
            )
        }
        switch code {
        case ECONNREFUSED:
            guard unlink(path) == 0 || errno == ENOENT else {
                throw SystemCall.failure("unlink", "stale socket \(path)", errno)
            }
        case ENOENT:
            return
        default:
            throw SystemCall.failure("connect", "to probe \(path)", code)
        }
    }
}
