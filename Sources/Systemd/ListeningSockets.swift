#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import CSystemd

/// The sockets systemd passed to this process by socket activation (`LISTEN_FDS`, from fd 3 on).
public struct ListeningSockets: Sendable, Hashable {
    /// The passed file descriptors, in the order of the socket unit's `Listen*=` lines.
    public var fileDescriptors: [Int32]

    public init(fileDescriptors: [Int32]) {
        self.fileDescriptors = fileDescriptors
    }

    /// The sockets passed to this process; empty when it was not socket-activated.
    ///
    /// `sd_listen_fds(3)` checks `LISTEN_PID` against this process, so sockets meant for a parent
    /// are never adopted by mistake. The environment is left as it is.
    public static func passed() throws(SystemdError) -> ListeningSockets {
        let count = sd_listen_fds(0)
        if count < 0 {
            throw SystemdError(code: .listenFDsFailed, errno: -count, origin: "sd_listen_fds")
        }
        let first = Int32(SD_LISTEN_FDS_START)
        return ListeningSockets(fileDescriptors: (0..<count).map { first + $0 })
    }

    /// The one socket passed for a server that listens on a single Unix stream socket, checked by
    /// ``checkUnixStreamListener(_:boundTo:)``; `nil` when none was passed (no socket activation).
    ///
    /// - Parameter path: the path the socket must be bound to, or `nil` to accept any path.
    /// - Throws: ``SystemdError/Code/unexpectedSocketCount`` when more than one socket was passed,
    ///   ``SystemdError/Code/unsuitableSocket`` when the socket is not the one expected.
    public func singleUnixStreamListener(boundTo path: String?) throws(SystemdError) -> Int32? {
        guard let descriptor = fileDescriptors.first else { return nil }
        guard fileDescriptors.count == 1 else {
            throw SystemdError(
                code: .unexpectedSocketCount,
                reason: "systemd passed \(fileDescriptors.count) sockets (LISTEN_FDS=\(fileDescriptors.count)) "
                    + "but the daemon serves exactly one: give the socket unit a single ListenStream= line",
                origin: "sd_listen_fds"
            )
        }
        try Self.checkUnixStreamListener(descriptor, boundTo: path)
        return descriptor
    }

    /// Checks with `sd_is_socket_unix(3)` that `descriptor` is a listening `AF_UNIX` `SOCK_STREAM` socket, bound
    /// to `path` when one is given (the same string, or another name of the same file, such as a relative path).
    ///
    /// - Throws: ``SystemdError/Code/unsuitableSocket`` with a reason naming what differs (not a socket, the
    ///   family, the socket type, not listening, the path) and what to change in the socket unit; the errno of
    ///   libsystemd when the descriptor cannot be examined (`EBADF` for a closed one).
    public static func checkUnixStreamListener(_ descriptor: Int32, boundTo path: String?) throws(SystemdError) {
        let subject = "the socket passed as fd \(descriptor)"
        let result = sd_is_socket_unix(descriptor, Int32(SOCK_STREAM.rawValue), 1, nil, 0)
        if result < 0 {
            throw SystemdError(
                code: .unsuitableSocket,
                reason: "\(subject) cannot be examined: \(String(cString: strerror(-result)))",
                origin: "sd_is_socket_unix",
                errno: -result
            )
        }
        if result == 0 {
            throw unsuitable("\(subject) \(mismatch(descriptor))")
        }
        guard let path else { return }
        if sd_is_socket_unix(descriptor, Int32(SOCK_STREAM.rawValue), 1, path, 0) > 0 {
            return
        }
        let bound = boundPath(of: descriptor)
        if let bound, sameFile(bound, path) {
            return
        }
        throw unsuitable(
            "\(subject) is bound to \(bound ?? "no path (an abstract or unnamed socket)"), not to \(path): "
                + "the socket unit's ListenStream= and the configured socket path must name the same file"
        )
    }

    /// What makes `descriptor` differ from a listening Unix stream socket, as the rest of a sentence.
    private static func mismatch(_ descriptor: Int32) -> String {
        guard sd_is_socket(descriptor, AF_UNSPEC, 0, -1) > 0 else {
            return "is not a socket"
        }
        let family = familyOf(descriptor)
        guard family == AF_UNIX else {
            return "is \(familyName(family)) socket, not a Unix socket: ListenStream= must name a file system path"
        }
        guard sd_is_socket(descriptor, AF_UNIX, Int32(SOCK_STREAM.rawValue), -1) > 0 else {
            return "is \(typeName(descriptor)) socket, not a stream socket: the socket unit must use "
                + "ListenStream=, not ListenDatagram= or ListenSequentialPacket="
        }
        guard sd_is_socket(descriptor, AF_UNIX, Int32(SOCK_STREAM.rawValue), 1) > 0 else {
            return "is not listening: the socket unit must pass the listening socket (Accept=no)"
        }
        return "is not a listening Unix stream socket"
    }

    private static func unsuitable(_ reason: String) -> SystemdError {
        SystemdError(code: .unsuitableSocket, reason: reason, origin: "sd_is_socket_unix")
    }

    private static func familyOf(_ descriptor: Int32) -> Int32 {
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return result == 0 ? Int32(address.ss_family) : -1
    }

    private static func familyName(_ family: Int32) -> String {
        switch family {
        case AF_INET: "an IPv4"
        case AF_INET6: "an IPv6"
        case AF_NETLINK: "a netlink"
        case AF_PACKET: "a packet"
        default: "a family \(family)"
        }
    }

    private static func typeName(_ descriptor: Int32) -> String {
        var type: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(descriptor, SOL_SOCKET, SO_TYPE, &type, &length) == 0 else { return "another kind of" }
        switch type {
        case Int32(SOCK_DGRAM.rawValue): return "a datagram"
        case Int32(SOCK_SEQPACKET.rawValue): return "a sequential-packet"
        case Int32(SOCK_RAW.rawValue): return "a raw"
        default: return "a type \(type)"
        }
    }

    /// The path a Unix socket is bound to; `nil` for an unnamed or abstract one.
    private static func boundPath(of descriptor: Int32) -> String? {
        var address = sockaddr_un()
        var length = socklen_t(MemoryLayout<sockaddr_un>.size)
        let result = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0, Int32(address.sun_family) == AF_UNIX else { return nil }
        return withUnsafeBytes(of: &address.sun_path) { raw -> String? in
            guard let first = raw.first, first != 0 else { return nil }
            return String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// Whether both paths name the same existing file (device and inode).
    private static func sameFile(_ first: String, _ second: String) -> Bool {
        var one = stat()
        var other = stat()
        guard stat(first, &one) == 0, stat(second, &other) == 0 else { return false }
        return one.st_dev == other.st_dev && one.st_ino == other.st_ino
    }
}
