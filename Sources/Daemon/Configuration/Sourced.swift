/// A configuration value and where it came from, so that a refusal can name the source.
struct Sourced<Value: Sendable>: Sendable {
    /// The value as read.
    let value: Value
    /// The configuration file's path, `environment` or `command line`.
    let source: String

    /// The same source with another value (a parsed or converted one).
    func map<Other: Sendable>(_ transform: (Value) -> Other) -> Sourced<Other> {
        Sourced<Other>(value: transform(value), source: source)
    }

    /// A refusal of this value under `key`.
    func refused(_ key: String, _ problem: String) -> ConfigurationError {
        ConfigurationError(key: key, problem: problem, source: source)
    }
}
