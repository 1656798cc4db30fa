import Glibc

/// Creates the directory a socket path lives in.
enum ParentDirectory {
    /// Creates every missing directory above `path` with mode `0755` (whatever the umask).
    static func ensure(for path: String) throws(ListeningSocketError) {
        let components = path.split(separator: "/", omittingEmptySubsequences: true).dropLast()
        var current = path.hasPrefix("/") ? "" : "."
        for component in components {
            current += "/" + component
            if mkdir(current, 0o755) == 0 {
                try SystemCall.check(chmod(current, 0o755), "chmod", current)
                continue
            }
            let code = errno
            guard code == EEXIST else {
                throw SystemCall.failure("mkdir", current, code)
            }
        }
    }
}
