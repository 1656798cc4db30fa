import Foundation

/// A directory of its own under the system's temporary directory, removed when the test is done.
struct TemporaryDirectory: ~Copyable {
    let url: URL

    init(_ purpose: String = #function) throws {
        let name = "ucwa-bridge-daemon-tests-\(purpose.filter(\.isLetter).prefix(40))-\(UUID().uuidString)"
        url = FileManager.default.temporaryDirectory.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The path of `name` inside the directory.
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// Writes `contents` to `name` inside the directory and returns its path.
    @discardableResult
    func write(_ contents: String, to name: String) throws -> String {
        let path = path(name)
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
