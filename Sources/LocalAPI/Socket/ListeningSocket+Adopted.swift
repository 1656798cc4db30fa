import Glibc

extension ListeningSocket {
    /// Checks that `descriptor` is a listening Unix stream socket (see ``ListeningSocket/adopted(fd:)``).
    static func adopt(_ descriptor: Int32) throws(ListeningSocketError) -> OpenSocket {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw ListeningSocketError(
                .unsuitableDescriptor,
                "fd \(descriptor) was passed as the API socket but is not open: \(SystemCall.describe(errno))"
            )
        }
        guard info.st_mode & S_IFMT == S_IFSOCK else {
            throw unsuitable(descriptor, "is not a socket")
        }
        guard let bound = UnixSocketAddress.boundPath(of: descriptor), bound.family == AF_UNIX else {
            throw unsuitable(descriptor, "is not a Unix socket (ListenStream= must name a path)")
        }
        guard integerOption(descriptor, SO_TYPE) == Int32(SOCK_STREAM.rawValue) else {
            throw unsuitable(descriptor, "is not a stream socket (use ListenStream=)")
        }
        guard integerOption(descriptor, SO_ACCEPTCONN) == 1 else {
            throw unsuitable(descriptor, "is not listening (Accept=no is required)")
        }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        let groupID = bound.path.flatMap { FileIdentity.of(path: $0)?.groupID }
        return OpenSocket(descriptor: descriptor, path: bound.path, groupID: groupID, ownedFile: nil)
    }

    private static func unsuitable(_ descriptor: Int32, _ reason: String) -> ListeningSocketError {
        ListeningSocketError(.unsuitableDescriptor, "fd \(descriptor) was passed as the API socket but \(reason)")
    }

    private static func integerOption(_ descriptor: Int32, _ name: Int32) -> Int32? {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(descriptor, SOL_SOCKET, name, &value, &length) == 0 else { return nil }
        return value
    }
}
