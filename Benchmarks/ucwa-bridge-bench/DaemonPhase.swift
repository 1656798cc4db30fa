import LocalAPIModels

/// The requests through the whole daemon: `ucwa-bridged` in its own process against a simulator of its own, fed
/// over its Unix socket by local clients in the benchmark's process.
enum DaemonPhase {
    struct Report: Codable, Sendable {
        var startup: StartupTimes
        /// After `READY=1` and a few health calls, before any request.
        var idleMemory: ProcessMemory
        /// Single API calls on the idle daemon, after the warm-up.
        var apiCallCost: APICallCost?
        var closedLoop: LoadResult
        /// Each round's requests per second through the daemon divided by the direct client's, in the order run
        /// (``AlternatingClosedLoops``).
        var closedLoopRoundRatios: [Double]
        /// The closed loop at the settings' `saturatedConcurrency`, and its rounds' ratios, when it ran.
        var saturatedLoop: LoadResult?
        var saturatedLoopRoundRatios: [Double]?
        /// The same number of requests, POSTed with nobody waiting on them.
        var unwatched: UnwatchedRun.Result
        var openLoop: LoadResult?
        /// After every run: `VmHWM` is the daemon's peak.
        var memoryAfterLoad: ProcessMemory
        /// From SIGTERM to the exit; `nil` when it had to be killed.
        var stopMilliseconds: Double?
        /// continueMessaging POSTs the simulator received (warm-up included).
        var continueMessagingReceived: Int
    }

    /// Runs the daemon's phase; its closed loops alternate with `direct`'s rounds, whose tallies it hands back.
    static func run(
        _ settings: BenchmarkSettings,
        _ environment: BenchmarkEnvironment,
        direct: DirectPhase.ClosedLoopRound
    ) async throws -> (Report, DirectTallies) {
        let simulator = try await SimulatorProcess.start(
            executable: environment.simulatorPath,
            label: "daemon",
            directory: environment.directory,
            registry: environment.registry
        )
        return try await withCleanup {
            let file = try configuration(
                label: "daemon",
                concurrency: settings.dispatchConcurrency,
                simulator,
                environment
            )
            let daemon = try await start(label: "daemon", file, environment)
            return try await withCleanup {
                var (report, directTallies) = try await measure(daemon, simulator, settings, environment, direct)
                report.stopMilliseconds = await daemon.child.stop()?.milliseconds
                return (report, directTallies)
            } cleanup: {
                await daemon.child.stop()
            }
        } cleanup: {
            await simulator.child.stop()
        }
    }

    /// The configuration of a daemon labelled `label` (socket, state directory and password file named after it)
    /// against `simulator`, with `concurrency` as its `dispatch.concurrency`; writes the password file.
    static func configuration(
        label: String,
        concurrency: Int,
        _ simulator: SimulatorProcess,
        _ environment: BenchmarkEnvironment
    ) throws -> DaemonConfigFile {
        let directory = environment.directory
        return DaemonConfigFile(
            discoveryURL: simulator.discoveryURL,
            username: SimulatorProcess.username,
            passwordFile: try directory.write(SimulatorProcess.password, to: "password-\(label)"),
            socketPath: directory.appending("\(label).sock"),
            stateDirectory: directory.appending("\(label)-state"),
            concurrency: concurrency
        )
    }

    /// Starts a daemon with `configuration`; `label` names its files (configuration, notify socket, output).
    static func start(
        label: String,
        _ configuration: DaemonConfigFile,
        _ environment: BenchmarkEnvironment
    ) async throws -> DaemonProcess {
        try await DaemonProcess.start(
            executable: environment.daemonPath,
            label: label,
            configuration: configuration,
            directory: environment.directory,
            registry: environment.registry
        )
    }

    /// The daemon's memory after `READY=1` and five health calls.
    static func idleMemory(_ daemon: DaemonProcess) async throws -> ProcessMemory {
        for _ in 0..<5 {
            _ = try await daemon.api.health()
        }
        return try daemon.memory()
    }

    /// The first conversation log the daemon lists, once it has opened its UCWA application (`READY=1` says that
    /// the API listens; until the application is open the API answers `503`).
    static func conversationLog(_ daemon: DaemonProcess) async throws -> String {
        try await applicationOpen(daemon)
        guard let href = try await daemon.api.conversationLogs().conversationLogs.first?.href else {
            throw BenchmarkError("GET /v1/conversation-logs listed no conversation log")
        }
        return href
    }

    /// Returns once `GET /v1/health` shows the application open, asking every 5 ms for at most `timeout`.
    private static func applicationOpen(_ daemon: DaemonProcess, timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + timeout
        // Bounded by the deadline.
        while ContinuousClock.now < deadline {
            if try await daemon.api.health().application != nil {
                return
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw BenchmarkError("the daemon did not open its UCWA application within \(timeout)")
    }

    private static func measure(
        _ daemon: DaemonProcess,
        _ simulator: SimulatorProcess,
        _ settings: BenchmarkSettings,
        _ environment: BenchmarkEnvironment,
        _ direct: DirectPhase.ClosedLoopRound
    ) async throws -> (Report, DirectTallies) {
        let idle = try await idleMemory(daemon)
        let delivery = DaemonDelivery(api: daemon.api, conversationLog: try await conversationLog(daemon))
        // At least one request, whose id the API probe reads back.
        let warmUp = try await ClosedLoop(requests: max(1, settings.warmUp), concurrency: settings.concurrency)
            .run { index in
                try await delivery.deliver("warm-up \(index)")
            }
        var apiCallCost: APICallCost?
        if let id = warmUp.samples.first?.id {
            apiCallCost = try await APICallCost.measure(daemon, id: id, calls: 500)
        }
        let measurement = LoadMeasurement(
            partyCPU: { try daemon.cpuSeconds() },
            simulatorCPU: { try simulator.cpuSeconds() },
            clientCPU: { ProcessCPU.ownSeconds() }
        )
        func alternate(_ requests: Int, _ concurrency: Int) async throws -> AlternatingClosedLoops.Outcome {
            try await AlternatingClosedLoops(requests: requests, rounds: settings.rounds, concurrency: concurrency)
                .run(direct: direct) { loop in
                    try await measurement.tally(loop) { index in
                        try await delivery.deliver("through the daemon, \(concurrency) in flight, \(index)")
                    }
                }
        }
        let rounds = try await alternate(settings.requests, settings.concurrency)
        let closed = try LoadMeasurement.result(of: rounds.daemon, concurrency: settings.concurrency)
        var saturated: AlternatingClosedLoops.Outcome?
        if settings.saturatedConcurrency > 0 {
            // Not measured: each path's connections grow to the new concurrency first (the UCWA client's pool toward
            // its simulator, the benchmark's sockets to the daemon), which the first measured round paid for before.
            let warmUp = ClosedLoop(requests: settings.saturatedWarmUp, concurrency: settings.saturatedConcurrency)
            _ = try await direct(warmUp)
            _ = try await warmUp.run { index in
                try await delivery.deliver("warm-up, \(settings.saturatedConcurrency) in flight, \(index)")
            }
            saturated = try await alternate(settings.saturatedRequests, settings.saturatedConcurrency)
        }
        let unwatched = try await UnwatchedRun(requests: settings.requests, concurrency: settings.concurrency)
            .run(daemon, delivery, simulator)
        var open: LoadResult?
        if settings.rate > 0 {
            open = try await measurement.run(
                OpenLoop(rate: settings.rate, duration: .seconds(settings.durationSeconds))
            ) { index in
                try await delivery.deliver("through the daemon at a fixed rate \(index)")
            }
        }
        let report = Report(
            startup: daemon.startup,
            idleMemory: idle,
            apiCallCost: apiCallCost,
            closedLoop: closed,
            closedLoopRoundRatios: rounds.roundRatios,
            saturatedLoop: try saturated.map {
                try LoadMeasurement.result(of: $0.daemon, concurrency: settings.saturatedConcurrency)
            },
            saturatedLoopRoundRatios: saturated?.roundRatios,
            unwatched: unwatched,
            openLoop: open,
            memoryAfterLoad: try daemon.memory(),
            continueMessagingReceived: try await simulator.continueMessagingReceived(environment.http)
        )
        return (report, DirectTallies(closedLoop: rounds.direct, saturatedLoop: saturated?.direct))
    }
}
