import LocalAPIModels

/// What `GET /v1/health` reports. ``BridgeHealth`` is the daemon's; tests may substitute their own.
public protocol HealthSource: Sendable {
    /// The health now. Never fails: what cannot be read is reported as degraded.
    func health() async -> HealthView
}
