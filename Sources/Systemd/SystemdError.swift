#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A failure of a libsystemd call: what failed, the errno it gave, and which call it was; or a check built on
/// libsystemd that refused what it found, with a ``reason`` saying what is wrong and what to change.
public struct SystemdError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable code for logs and tests.
    public enum Code: String, Sendable, Hashable {
        case notifyFailed
        case watchdogQueryFailed
        case listenFDsFailed
        /// `sd_journal_sendv(3)` failed: no journald listens, or it refused the entry.
        case journalSendFailed
        /// Socket activation passed more sockets than the daemon serves.
        case unexpectedSocketCount
        /// A passed socket is not the listening Unix stream socket expected (`sd_is_socket_unix(3)`).
        case unsuitableSocket
    }

    public var code: Code
    /// The positive errno value libsystemd reported; 0 when a check refused what it found (see ``reason``).
    public var errno: Int32
    /// The libsystemd function that failed or made the check.
    public var origin: String
    /// What a check found wrong and what to change, in words; `nil` for a failed call (the errno says it).
    public var reason: String?

    public init(code: Code, errno: Int32, origin: String) {
        self.code = code
        self.errno = errno
        self.origin = origin
        self.reason = nil
    }

    /// A check that refused what it found: `reason` says what, and what to change.
    public init(code: Code, reason: String, origin: String, errno: Int32 = 0) {
        self.code = code
        self.errno = errno
        self.origin = origin
        self.reason = reason
    }

    public var description: String {
        if let reason {
            return "\(code.rawValue): \(reason)"
        }
        return "\(code.rawValue): \(origin) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}
