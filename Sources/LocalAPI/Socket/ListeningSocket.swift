/// Where the API's listening Unix socket comes from.
///
/// - ``path(_:group:mode:)``: the daemon binds the path itself. A missing parent directory is created (`0755`); a
///   socket file left by an earlier run is removed only when it is a socket and nobody listens on it (a connection
///   attempt is refused); anything else at the path is an error. After the bind the file gets `mode` (`0660`) and,
///   when `group` is given, that group, before the socket starts listening, so no peer can connect through looser
///   permissions. The server removes the file when it stops.
/// - ``adopted(fd:)``: a socket systemd passed (socket activation, normally fd 3); it must be a listening Unix
///   stream socket. Its file belongs to systemd and is left alone.
public enum ListeningSocket: Sendable, Hashable {
    case path(String, group: String? = nil, mode: UInt32 = 0o660)
    case adopted(fd: Int32)

    /// The longest path a Unix socket address holds (`sun_path` less its terminating NUL).
    public static let maximumPathLength = 107
}

extension ListeningSocket {
    /// Opens the socket: binds the path, or checks the adopted descriptor.
    func open() throws(ListeningSocketError) -> OpenSocket {
        switch self {
        case .path(let path, let group, let mode):
            try Self.bind(path: path, group: group, mode: mode)
        case .adopted(let descriptor):
            try Self.adopt(descriptor)
        }
    }
}
