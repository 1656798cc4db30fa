/// An error the simulator itself throws (not a UCWA error answered to a client).
public struct SimulatorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable code, e.g. `bindFailed`, `notLoopback`.
    public var code: String
    /// A human-readable reason; never contains secrets.
    public var reason: String

    public init(code: String, reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "\(code): \(reason)" }
}
