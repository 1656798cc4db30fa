#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A failure of a libsystemd call: what failed, the errno it gave, and which call it was.
public struct SystemdError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable code for logs and tests.
    public enum Code: String, Sendable, Hashable {
        case notifyFailed
        case watchdogQueryFailed
        case listenFDsFailed
    }

    public var code: Code
    /// The positive errno value libsystemd reported.
    public var errno: Int32
    /// The libsystemd function that failed.
    public var origin: String

    public init(code: Code, errno: Int32, origin: String) {
        self.code = code
        self.errno = errno
        self.origin = origin
    }

    public var description: String {
        "\(code.rawValue): \(origin) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}
