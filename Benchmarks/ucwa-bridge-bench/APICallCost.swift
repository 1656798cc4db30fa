/// What single local API calls cost the daemon, measured one after another on an otherwise idle daemon: the
/// floor under every request's POST and long polls.
struct APICallCost: Codable, Sendable {
    var calls: Int
    /// `GET /v1/health`: routing, peer check, a store count by state, JSON out.
    var healthCPUMicroseconds: Double
    var healthLatency: LatencySummary
    /// `GET /v1/messages/{id}` of a delivered request, without `?wait`: one store read, JSON out.
    var messageCPUMicroseconds: Double
    var messageLatency: LatencySummary

    /// Runs `calls` of each against `daemon`; `id` names a request it holds.
    static func measure(_ daemon: DaemonProcess, id: String, calls: Int) async throws -> APICallCost {
        let (healthCPU, health) = try await timed(daemon, calls) { _ = try await daemon.api.health() }
        let (messageCPU, message) = try await timed(daemon, calls) {
            _ = try await daemon.api.message(id: id, wait: nil)
        }
        guard let healthLatency = LatencySummary(health), let messageLatency = LatencySummary(message) else {
            throw BenchmarkError("no API calls were measured")
        }
        return APICallCost(
            calls: calls,
            healthCPUMicroseconds: healthCPU,
            healthLatency: healthLatency,
            messageCPUMicroseconds: messageCPU,
            messageLatency: messageLatency
        )
    }

    /// The daemon's CPU per call in microseconds, and each call's latency.
    private static func timed(
        _ daemon: DaemonProcess,
        _ calls: Int,
        _ call: () async throws -> Void
    ) async throws -> (Double, [Duration]) {
        var latencies: [Duration] = []
        latencies.reserveCapacity(calls)
        let before = try daemon.cpuSeconds()
        for _ in 0..<calls {
            let started = ContinuousClock.now
            try await call()
            latencies.append(.now - started)
        }
        return ((try daemon.cpuSeconds() - before) / Double(calls) * 1e6, latencies)
    }
}
