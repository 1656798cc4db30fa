/// A configuration the daemon refuses, naming the key, what is wrong with it and where its value came from.
///
/// The description reads like `configuration key dispatch.concurrency (from environment): must be between 1 and 100
/// (UCWA refuses more than 100 outstanding requests per user)`; the part in parentheses after the key is left out
/// when the source is not known. Neither the problem nor the description ever contains a secret: secrets are files,
/// and only their paths are named.
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The key path as the YAML file spells it, for example `dispatch.concurrency`; `config` for the file itself.
    public let key: String
    /// What is wrong, a sentence without the key, for example `must be between 1 and 100`.
    public let problem: String
    /// Where the value came from: the configuration file's path, `environment`, `command line`, the credentials
    /// directory, or `configuration` when no single source is to blame (a missing key, a default).
    public let source: String

    /// The source named when no single source is to blame.
    public static let unknownSource = "configuration"

    public init(key: String, problem: String, source: String = ConfigurationError.unknownSource) {
        self.key = key
        self.problem = problem
        self.source = source
    }

    public var description: String {
        if source == Self.unknownSource {
            return "configuration key \(key): \(problem)"
        }
        return "configuration key \(key) (from \(source)): \(problem)"
    }
}
