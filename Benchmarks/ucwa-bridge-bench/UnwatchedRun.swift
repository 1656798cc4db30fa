/// Requests queued with nobody waiting on them: the closed loop only POSTs, and the run ends when `GET /v1/health`
/// counts them all delivered. Beside the watched closed loop it shows what the long polls cost.
struct UnwatchedRun: Sendable {
    struct Result: Codable, Sendable {
        var requests: Int
        /// From the first POST until the health report counted every request delivered.
        var wallSeconds: Double
        var requestsPerSecond: Double
        var cpuMicrosecondsPerRequest: Double
        var simulatorCPUMicrosecondsPerRequest: Double
        /// Health calls made while waiting (each costs the daemon a little CPU, counted above).
        var healthPolls: Int
    }

    var requests: Int
    var concurrency: Int

    /// The pause between two health polls while the queue drains.
    static let pollInterval: Duration = .milliseconds(100)

    func run(
        _ daemon: DaemonProcess,
        _ delivery: DaemonDelivery,
        _ simulator: SimulatorProcess
    ) async throws -> Result {
        let delivered = try await Self.delivered(daemon)
        let target = delivered + requests
        let before = try (daemon.cpuSeconds(), simulator.cpuSeconds())
        let started = ContinuousClock.now
        _ = try await ClosedLoop(requests: requests, concurrency: concurrency).run { index in
            try await delivery.enqueue("unwatched \(index)")
        }
        // Bounded: at least a minute, and five seconds per hundred requests beyond that.
        let deadline = ContinuousClock.now + .seconds(max(60, requests / 20))
        var polls = 0
        while try await Self.delivered(daemon) < target {
            polls += 1
            guard ContinuousClock.now < deadline else {
                throw BenchmarkError("the daemon did not deliver \(requests) unwatched requests in time")
            }
            try await Task.sleep(for: Self.pollInterval)
        }
        let wall = ContinuousClock.now - started
        let after = try (daemon.cpuSeconds(), simulator.cpuSeconds())
        let count = Double(requests)
        return Result(
            requests: requests,
            wallSeconds: wall.seconds,
            requestsPerSecond: count / wall.seconds,
            cpuMicrosecondsPerRequest: (after.0 - before.0) / count * 1e6,
            simulatorCPUMicrosecondsPerRequest: (after.1 - before.1) / count * 1e6,
            healthPolls: polls + 1
        )
    }

    /// Delivered requests so far; throws when any request failed or expired, which no run here should cause.
    private static func delivered(_ daemon: DaemonProcess) async throws -> Int {
        let byState = try await daemon.api.health().queue.byState
        let failed = (byState["failed"] ?? 0) + (byState["expired"] ?? 0)
        guard failed == 0 else { throw BenchmarkError("requests failed or expired: \(byState)") }
        return byState["delivered"] ?? 0
    }
}
