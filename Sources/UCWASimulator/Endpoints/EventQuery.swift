/// The query of a P-GET: the server's `ack` and the client's parameters (protocol notes §3.1).
struct EventQuery: Sendable {
    /// The ack, or nil when it is missing or not a number (answered with `resync`).
    var ack: Int?
    /// The `timeout` parameter in seconds, when given.
    var timeout: Int?

    /// Reads and checks the parameters: `timeout` within `timeoutBounds`, `medium` and `low`
    /// within 5...1800 s, else `ParameterValidationFailure`. `priority` is accepted and ignored.
    init(_ request: SimulatorRequest, timeoutBounds: ClosedRange<Int>) throws(RequestRejection) {
        ack = request.query["ack"].flatMap { Int($0) }
        if let raw = request.query["timeout"] {
            guard let value = Int(raw), timeoutBounds.contains(value) else {
                throw Self.invalid(
                    "timeout must be between \(timeoutBounds.lowerBound) and \(timeoutBounds.upperBound) seconds."
                )
            }
            timeout = value
        }
        for name in ["medium", "low"] {
            if let raw = request.query[name] {
                guard let value = Int(raw), (5...1800).contains(value) else {
                    throw Self.invalid("\(name) must be between 5 and 1800 seconds.")
                }
            }
        }
    }

    private static func invalid(_ message: String) -> RequestRejection {
        RequestRejection(status: .badRequest, body: .parameterValidation(message))
    }
}
