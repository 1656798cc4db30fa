import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh directory with a short path under `/tmp` (socket paths must fit in the 107 bytes of `sun_path`),
/// removed by `remove()` or, at the latest, when the last reference goes away.
///
/// Set `UCWA_IT_KEEP=1` to keep the directories (and see the daemons' logs and databases after a run).
final class TemporaryDirectory: Sendable {
    /// The directory, such as `/tmp/ucwa-it-Ab12Cd`.
    let path: String

    init(prefix: String = "ucwa-it") throws {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!)
        }
        guard created != nil else {
            throw IntegrationError("mkdtemp under /tmp failed: \(String(cString: strerror(errno)))")
        }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// `path/name`.
    func appending(_ name: String) -> String {
        path + "/" + name
    }

    /// Creates `path/name` (and its parents) as a directory and answers its path.
    func makeDirectory(_ name: String) throws -> String {
        let directory = appending(name)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Writes `text` to `path/name` with mode `mode` and answers its path.
    @discardableResult
    func write(_ text: String, to name: String, mode: Int = 0o600) throws -> String {
        let file = appending(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file)
        return file
    }

    /// Removes the directory and everything in it (unless `UCWA_IT_KEEP` is set).
    func remove() {
        guard ProcessInfo.processInfo.environment["UCWA_IT_KEEP"] == nil else { return }
        try? FileManager.default.removeItem(atPath: path)
    }

    deinit {
        remove()
    }
}
