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
}
