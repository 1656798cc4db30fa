/// A retry setting that cannot make a schedule, named by its configuration key.
public struct InvalidRetryPolicy: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key under `dispatch.retry` that is wrong, e.g. `multiplier`.
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String {
        "dispatch.retry.\(field) \(reason)"
    }
}
