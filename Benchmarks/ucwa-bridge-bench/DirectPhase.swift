/// The baseline: the same requests sent by a `UCWA` client in the benchmark's own process straight to a simulator
/// of its own, with no daemon in between.
enum DirectPhase {
    struct Report: Codable, Sendable {
        var closedLoop: LoadResult
        /// The closed loop at the settings' `saturatedConcurrency`, when it ran.
        var saturatedLoop: LoadResult?
        var openLoop: LoadResult?
        /// The benchmark process's memory after the direct runs (`VmHWM`: its peak with the direct client).
        var benchmarkProcessMemory: ProcessMemory
        /// continueMessaging POSTs the simulator received (warm-up included): one per request when none was
        /// retried.
        var continueMessagingReceived: Int
    }

    /// A closed loop of the direct client, as raw figures (see ``AlternatingClosedLoops``).
    typealias ClosedLoopRound = (ClosedLoop) async throws -> LoadTally

    /// Starts the direct client and warms it up, then runs `alongside` with a way to run the direct client's closed
    /// loops (the daemon's phase alternates them with its own and hands back the direct client's tallies), then the
    /// direct client's open loop.
    static func run<Other: Sendable>(
        _ settings: BenchmarkSettings,
        _ environment: BenchmarkEnvironment,
        alongside: (_ closedLoop: ClosedLoopRound) async throws -> (Other, DirectTallies)
    ) async throws -> (Report, Other) {
        let simulator = try await SimulatorProcess.start(
            executable: environment.simulatorPath,
            label: "direct",
            directory: environment.directory,
            registry: environment.registry
        )
        return try await withCleanup {
            let passwordFile = try environment.directory.write(SimulatorProcess.password, to: "password-direct")
            let client = try await DirectClient(
                discoveryURL: simulator.discoveryURL,
                passwordFile: passwordFile,
                logger: environment.logger
            )
            return try await withCleanup {
                try await measure(client, simulator, settings, environment, alongside: alongside)
            } cleanup: {
                await client.shutdown()
            }
        } cleanup: {
            await simulator.child.stop()
        }
    }

    private static func measure<Other: Sendable>(
        _ client: DirectClient,
        _ simulator: SimulatorProcess,
        _ settings: BenchmarkSettings,
        _ environment: BenchmarkEnvironment,
        alongside: (_ closedLoop: ClosedLoopRound) async throws -> (Other, DirectTallies)
    ) async throws -> (Report, Other) {
        if settings.warmUp > 0 {
            _ = try await ClosedLoop(requests: settings.warmUp, concurrency: settings.concurrency).run { index in
                try await client.deliver("warm-up \(index)")
            }
        }
        let measurement = LoadMeasurement(
            partyCPU: { ProcessCPU.ownSeconds() },
            simulatorCPU: { try simulator.cpuSeconds() }
        )
        let (other, tallies) = try await alongside { loop in
            try await measurement.tally(loop) { index in
                try await client.deliver("direct \(index)")
            }
        }
        let closed = try LoadMeasurement.result(of: tallies.closedLoop, concurrency: settings.concurrency)
        let saturated = try tallies.saturatedLoop.map {
            try LoadMeasurement.result(of: $0, concurrency: settings.saturatedConcurrency)
        }
        var open: LoadResult?
        if settings.rate > 0 {
            open = try await measurement.run(
                OpenLoop(rate: settings.rate, duration: .seconds(settings.durationSeconds))
            ) { index in
                try await client.deliver("direct at a fixed rate \(index)")
            }
        }
        let report = Report(
            closedLoop: closed,
            saturatedLoop: saturated,
            openLoop: open,
            benchmarkProcessMemory: try ProcessMemory(of: nil),
            continueMessagingReceived: try await simulator.continueMessagingReceived(environment.http)
        )
        return (report, other)
    }
}
