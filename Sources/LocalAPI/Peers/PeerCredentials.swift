import Glibc
import NIOCore

/// Who is at the other end of an API connection, as the kernel saw it at `connect()` (`SO_PEERCRED`).
public struct PeerCredentials: Sendable, Hashable, CustomStringConvertible {
    public var pid: Int32
    public var uid: UInt32
    /// The primary group.
    public var gid: UInt32

    public init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }

    public var description: String { "uid \(uid) gid \(gid) pid \(pid)" }
}

extension PeerCredentials {
    /// `struct ucred` of `<sys/socket.h>` (`pid_t pid; uid_t uid; gid_t gid;`), which Swift's Glibc does not
    /// import (it needs `_GNU_SOURCE`). Three 32-bit fields: the Swift layout is the C layout.
    private struct KernelCredentials: Sendable {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }

    /// The peer of a connected Unix socket channel; `nil` when the channel has no socket or the call fails (the
    /// server then refuses every request on the connection).
    static func read(from channel: any Channel) -> EventLoopFuture<PeerCredentials?> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeSucceededFuture(nil)
        }
        let raw: EventLoopFuture<KernelCredentials> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET),
            name: SocketOptionName(SO_PEERCRED)
        )
        return raw.map { Optional(PeerCredentials(pid: $0.pid, uid: $0.uid, gid: $0.gid)) }
            .recover { _ in nil }
    }
}
