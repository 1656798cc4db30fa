import Glibc

/// A `sockaddr_un` for a path, and the calls that take one.
struct UnixSocketAddress {
    private var storage = sockaddr_un()

    /// The address of `path`.
    ///
    /// - Throws: ``ListeningSocketError/Code/invalidPath`` when the path is empty or does not fit `sun_path`.
    init(path: String) throws(ListeningSocketError) {
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, bytes.count <= ListeningSocket.maximumPathLength, !bytes.contains(0) else {
            throw ListeningSocketError(
                .invalidPath,
                "the socket path \(path) must have 1 to \(ListeningSocket.maximumPathLength) bytes and no NUL; "
                    + "choose a shorter path"
            )
        }
        storage.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &storage.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
    }

    /// `bind(fd, self)`.
    mutating func bind(_ descriptor: Int32) -> Int32 {
        withSocketAddress { Glibc.bind(descriptor, $0, $1) }
    }

    /// `connect(fd, self)`.
    mutating func connect(_ descriptor: Int32) -> Int32 {
        withSocketAddress { Glibc.connect(descriptor, $0, $1) }
    }

    private mutating func withSocketAddress(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Int32) -> Int32 {
        let length = socklen_t(MemoryLayout<sockaddr_un>.size)
        return withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
        }
    }

    /// The path a bound Unix socket has, or `nil` for an unnamed or abstract one, or another family.
    static func boundPath(of descriptor: Int32) -> (family: Int32, path: String?)? {
        var address = sockaddr_un()
        var length = socklen_t(MemoryLayout<sockaddr_un>.size)
        let result = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { return nil }
        let family = Int32(address.sun_family)
        guard family == AF_UNIX else { return (family, nil) }
        let path = withUnsafeBytes(of: &address.sun_path) { raw -> String? in
            guard let first = raw.first, first != 0 else { return nil }
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
        return (family, path)
    }
}
