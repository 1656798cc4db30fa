/// Runs a load and reads, before and after, the CPU time of the party being measured, of the simulator and, when
/// the party is another process, of the benchmark driving it.
struct LoadMeasurement: Sendable {
    /// CPU seconds so far of the measured party.
    var partyCPU: @Sendable () throws -> Double
    /// CPU seconds so far of the simulator.
    var simulatorCPU: @Sendable () throws -> Double
    /// CPU seconds so far of the load's client, when it is not the measured party (the daemon's runs).
    var clientCPU: (@Sendable () -> Double)? = nil
    /// How long to wait after a load before reading the CPU times: the work a load leaves behind (the daemon's WAL
    /// checkpoint, 100 ms after its last commit) is then counted to it, and does not run during the next load.
    var settle: Duration = .milliseconds(300)

    /// A closed-loop run of `operation`, as raw figures to add to others.
    func tally(
        _ loop: ClosedLoop,
        _ operation: @escaping @Sendable (Int) async throws -> DeliverySample
    ) async throws -> LoadTally {
        let before = try (partyCPU(), simulatorCPU(), clientCPU?())
        let (samples, wall) = try await loop.run(operation)
        try await Task.sleep(for: settle)
        let after = try (partyCPU(), simulatorCPU(), clientCPU?())
        return LoadTally(
            samples: samples,
            wall: wall,
            partyCPU: after.0 - before.0,
            simulatorCPU: after.1 - before.1,
            clientCPU: after.2.flatMap { after in before.2.map { after - $0 } }
        )
    }

    /// The figures of closed-loop runs of `concurrency` workers.
    static func result(of tally: LoadTally, concurrency: Int) throws -> LoadResult {
        var result = try result(
            tally.samples,
            wall: tally.wall,
            cpu: tally.partyCPU,
            simulatorCPU: tally.simulatorCPU
        )
        result.clientCPUMicrosecondsPerRequest = tally.clientCPU.map { $0 / Double(tally.samples.count) * 1e6 }
        result.concurrency = concurrency
        return result
    }

    /// An open-loop run of `operation`.
    func run(
        _ loop: OpenLoop,
        _ operation: @escaping @Sendable (Int) async throws -> DeliverySample
    ) async throws -> LoadResult {
        let before = try (partyCPU(), simulatorCPU(), clientCPU?())
        let (samples, wall, lag) = try await loop.run(operation)
        let after = try (partyCPU(), simulatorCPU(), clientCPU?())
        var result = try Self.result(samples, wall: wall, cpu: after.0 - before.0, simulatorCPU: after.1 - before.1)
        result.clientCPUMicrosecondsPerRequest = Self.perRequest(after.2, before.2, samples.count)
        result.ratePerSecond = loop.rate
        result.maximumStartLagMilliseconds = lag.milliseconds
        return result
    }

    private static func perRequest(_ after: Double?, _ before: Double?, _ requests: Int) -> Double? {
        guard let after, let before, requests > 0 else { return nil }
        return (after - before) / Double(requests) * 1e6
    }

    private static func result(
        _ samples: [DeliverySample],
        wall: Duration,
        cpu: Double,
        simulatorCPU: Double
    ) throws -> LoadResult {
        guard let observed = LatencySummary(samples.map(\.observed)) else { throw BenchmarkError("no samples") }
        let count = Double(samples.count)
        let calls = samples.reduce(0) { $0 + $1.localAPICalls }
        return LoadResult(
            requests: samples.count,
            wallSeconds: wall.seconds,
            requestsPerSecond: count / wall.seconds,
            observed: observed,
            acceptedToDelivered: LatencySummary(samples.compactMap(\.acceptedToDelivered)),
            cpuMicrosecondsPerRequest: cpu / count * 1e6,
            simulatorCPUMicrosecondsPerRequest: simulatorCPU / count * 1e6,
            attemptsPerRequest: Double(samples.reduce(0) { $0 + $1.attempts }) / count,
            localAPICallsPerRequest: calls > 0 ? Double(calls) / count : nil
        )
    }
}
