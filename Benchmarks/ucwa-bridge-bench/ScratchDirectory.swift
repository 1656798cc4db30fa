import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A private directory under `/tmp` for one benchmark run: configuration files, state directories, sockets and the
/// children's output. Short enough for Unix socket paths (`/tmp/ucwa-bench-XXXXXX/...`, far below 107 bytes).
struct ScratchDirectory: Sendable {
    let path: String

    /// Creates a new directory with `mkdtemp(3)` (mode 0700).
    init() throws {
        var template = Array("/tmp/ucwa-bench-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let created else {
            throw BenchmarkError("mkdtemp failed: \(String(cString: strerror(errno)))")
        }
        path = String(cString: created)
    }

    /// The path of `name` inside the directory.
    func appending(_ name: String) -> String {
        path + "/" + name
    }

    /// Writes `text` to `name` (mode 0600) and returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let file = appending(name)
        guard
            FileManager.default.createFile(
                atPath: file,
                contents: Data(text.utf8),
                attributes: [.posixPermissions: 0o600]
            )
        else {
            throw BenchmarkError("could not write \(file)")
        }
        return file
    }

    /// Removes the directory and everything in it.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
