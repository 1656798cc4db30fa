/// A deep queue: a fresh daemon whose simulator never completes an invitation (`--outcome neverCompletes`), so
/// that `dispatch.concurrency` requests wait for events and every other request stays queued. (The ones in flight
/// end `failed` when no outcome came within the daemon's outcome time-out, about a minute, and the next ones take
/// their places.) The phase queues `settings.queued` requests, checks through `GET /v1/health` that the store holds
/// every one of them, reads the daemon's memory, then restarts the daemon on that queue and times its start.
enum QueuedPhase {
    struct Report: Codable, Sendable {
        var requests: Int
        var enqueueSeconds: Double
        var acceptedPerSecond: Double
        /// How long each `POST /v1/messages` took while the queue grew.
        var postLatency: LatencySummary
        var daemonCPUMicrosecondsPerRequest: Double
        var startup: StartupTimes
        var idleMemory: ProcessMemory
        /// After queueing: `VmRSS` with the queue full, `VmHWM` the peak while it filled.
        var queuedMemory: ProcessMemory
        /// `GET /v1/health`'s count of requests by state after queueing.
        var queueByState: [String: Int]
        var stopMilliseconds: Double?
        /// A second daemon on the same state directory: its start with the queue on disk.
        var restartStartup: StartupTimes?
        /// Its memory after `READY=1` and five health calls.
        var restartIdleMemory: ProcessMemory?
    }

    static func run(_ settings: BenchmarkSettings, _ environment: BenchmarkEnvironment) async throws -> Report {
        let simulator = try await SimulatorProcess.start(
            executable: environment.simulatorPath,
            label: "queued",
            arguments: ["--outcome", "neverCompletes"],
            directory: environment.directory,
            registry: environment.registry
        )
        return try await withCleanup {
            let configuration = try DaemonPhase.configuration(
                label: "queued",
                concurrency: settings.concurrency,
                simulator,
                environment
            )
            let first = try await DaemonPhase.start(label: "queued", configuration, environment)
            var report = try await withCleanup {
                var report = try await fill(first, settings)
                report.stopMilliseconds = await first.child.stop()?.milliseconds
                return report
            } cleanup: {
                await first.child.stop()
            }
            // The same configuration: the same state directory, queue and socket.
            let second = try await DaemonPhase.start(label: "queued-restart", configuration, environment)
            return try await withCleanup {
                report.restartStartup = second.startup
                report.restartIdleMemory = try await DaemonPhase.idleMemory(second)
                let held = try await second.api.health().queue.byState
                guard total(held) == settings.queued else {
                    throw BenchmarkError("after the restart the store holds \(held), not \(settings.queued) requests")
                }
                return report
            } cleanup: {
                await second.child.stop()
            }
        } cleanup: {
            await simulator.child.stop()
        }
    }

    private static func fill(_ daemon: DaemonProcess, _ settings: BenchmarkSettings) async throws -> Report {
        let idle = try await DaemonPhase.idleMemory(daemon)
        let delivery = DaemonDelivery(api: daemon.api, conversationLog: try await DaemonPhase.conversationLog(daemon))
        let cpuBefore = try daemon.cpuSeconds()
        let (latencies, wall) = try await ClosedLoop(
            requests: settings.queued,
            concurrency: settings.queuedConcurrency
        ).run { index in
            try await delivery.enqueue("queued \(index)")
        }
        let cpu = try daemon.cpuSeconds() - cpuBefore
        let memory = try daemon.memory()
        let byState = try await daemon.api.health().queue.byState
        guard total(byState) == settings.queued else {
            throw BenchmarkError("the store holds \(byState), not \(settings.queued) requests")
        }
        guard let postLatency = LatencySummary(latencies) else { throw BenchmarkError("nothing was queued") }
        return Report(
            requests: settings.queued,
            enqueueSeconds: wall.seconds,
            acceptedPerSecond: Double(settings.queued) / wall.seconds,
            postLatency: postLatency,
            daemonCPUMicrosecondsPerRequest: cpu / Double(settings.queued) * 1e6,
            startup: daemon.startup,
            idleMemory: idle,
            queuedMemory: memory,
            queueByState: byState,
            stopMilliseconds: nil,
            restartStartup: nil,
            restartIdleMemory: nil
        )
    }

    /// Every request the health report counts, whatever its state.
    private static func total(_ byState: [String: Int]) -> Int {
        byState.values.reduce(0, +)
    }
}
