import Glibc
import Systemd

extension ListeningSocket {
    /// Checks that `descriptor` is a listening Unix stream socket (see ``ListeningSocket/adopted(fd:)``) with
    /// `sd_is_socket_unix(3)`, through ``ListeningSockets/checkUnixStreamListener(_:boundTo:)``.
    static func adopt(_ descriptor: Int32) throws(ListeningSocketError) -> OpenSocket {
        do {
            try ListeningSockets.checkUnixStreamListener(descriptor, boundTo: nil)
        } catch {
            throw ListeningSocketError(
                .unsuitableDescriptor,
                "the API socket cannot be adopted: \(error.reason ?? "\(error)")"
            )
        }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        let bound = UnixSocketAddress.boundPath(of: descriptor)
        let groupID = bound?.path.flatMap { FileIdentity.of(path: $0)?.groupID }
        return OpenSocket(descriptor: descriptor, path: bound?.path, groupID: groupID, ownedFile: nil)
    }
}
