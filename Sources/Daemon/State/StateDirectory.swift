import Foundation

/// The daemon's state directory (`state.directory`): created `0700` if missing, and the keeper of the stable
/// `endpointId` in its `endpoint-id` file, so that a restart reuses the UCWA application instead of creating
/// another.
public struct StateDirectory: Sendable {
    /// The name of the file that holds the endpointId.
    public static let endpointIDFileName = "endpoint-id"

    /// The directory's absolute path.
    public let path: String

    /// Opens the directory at `path`, creating it (and missing parents) with mode `0700` if it does not exist.
    /// An existing directory keeps its mode.
    ///
    /// - Throws: ``StateDirectoryError`` when `path` is a file or the directory cannot be created.
    public init(path: String) throws(StateDirectoryError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw StateDirectoryError(path: path, problem: "is a file, not a directory")
            }
        } else {
            do {
                try FileManager.default.createDirectory(
                    atPath: path,
                    withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700]
                )
            } catch {
                throw StateDirectoryError(path: path, problem: "cannot be created: \(error.localizedDescription)")
            }
        }
        self.path = path
    }

    /// The path of the `endpoint-id` file.
    public var endpointIDFile: String {
        URL(fileURLWithPath: path, isDirectory: true).appendingPathComponent(Self.endpointIDFileName).path
    }

    /// The stable endpointId: read from the `endpoint-id` file, or, the first time, a new UUID written there
    /// atomically (temporary file, fsync, link into place, directory fsync). Every later call and every later
    /// start with the same directory returns the same value; of two processes racing to create it, one wins and
    /// both return its value.
    ///
    /// - Throws: ``StateDirectoryError`` naming the file when it cannot be read or written, or when it exists
    ///   but does not hold an endpointId (empty or corrupt); such a file is never replaced silently, since a new
    ///   endpointId means a new UCWA application.
    public func endpointID() throws(StateDirectoryError) -> String {
        let file = endpointIDFile
        if FileManager.default.fileExists(atPath: file) {
            return try Self.readEndpointID(file)
        }
        let endpointID = UUID().uuidString.lowercased()
        guard try AtomicFile.create(endpointID + "\n", at: file) else {
            return try Self.readEndpointID(file)
        }
        return endpointID
    }

    private static func readEndpointID(_ file: String) throws(StateDirectoryError) -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw StateDirectoryError(path: file, problem: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StateDirectoryError(path: file, problem: "is corrupt: it is not UTF-8 text; restore or remove it")
        }
        let endpointID = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !endpointID.isEmpty else {
            throw StateDirectoryError(
                path: file,
                problem: "is empty; restore it, or remove it to make the daemon create a new UCWA application"
            )
        }
        guard UUID(uuidString: endpointID) != nil else {
            throw StateDirectoryError(
                path: file,
                problem: "is corrupt: it does not hold a UUID; restore it, or remove it to make the daemon create "
                    + "a new UCWA application"
            )
        }
        return endpointID
    }
}
