/// The state directory or a file in it cannot be used; names the path and what is wrong, never a file's content
/// beyond saying that it is malformed.
public struct StateDirectoryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The directory or file concerned.
    public let path: String
    /// What is wrong, a sentence without the path, for example `is a file, not a directory`.
    public let problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        "state \(path): \(problem)"
    }
}
