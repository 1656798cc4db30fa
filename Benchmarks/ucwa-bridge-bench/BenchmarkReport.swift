import Foundation

/// Everything one run measured, and the targets judged from it; printed as a table and as one JSON line.
struct BenchmarkReport: Codable, Sendable {
    var benchmark = "ucwa-bridge-bench"
    var date: String
    var cores: Int
    /// The machine's one-minute load average when the run started and when it ended.
    var loadAverageAtStart: Double?
    var loadAverageAtEnd: Double?
    /// `fdatasync` of a 4 KiB append on the state directories' file system, measured before the phases.
    var diskSync: LatencySummary
    var settings: BenchmarkSettings
    var direct: DirectPhase.Report
    var daemon: DaemonPhase.Report
    var queued: QueuedPhase.Report?
    var targets: [TargetResult]

    init(
        loadAverageAtStart: Double?,
        diskSync: LatencySummary,
        settings: BenchmarkSettings,
        direct: DirectPhase.Report,
        daemon: DaemonPhase.Report,
        queued: QueuedPhase.Report?
    ) {
        date = Date().formatted(Date.ISO8601FormatStyle())
        cores = ProcessInfo.processInfo.activeProcessorCount
        self.loadAverageAtStart = loadAverageAtStart
        self.diskSync = diskSync
        loadAverageAtEnd = LoadAverage.oneMinute()
        self.settings = settings
        self.direct = direct
        self.daemon = daemon
        self.queued = queued
        targets = Self.judge(settings: settings, direct: direct, daemon: daemon, queued: queued)
    }

    /// The targets: throughput at least half the direct client's, p99 overhead below 5 ms at the fixed
    /// rate, under 40 MiB idle and under 80 MiB with the queue full.
    private static func judge(
        settings: BenchmarkSettings,
        direct: DirectPhase.Report,
        daemon: DaemonPhase.Report,
        queued: QueuedPhase.Report?
    ) -> [TargetResult] {
        var targets = [throughput(settings: settings, direct: direct, daemon: daemon)]
        if let open = daemon.openLoop, let baseline = direct.openLoop {
            let rate = "\(Int(settings.rate))/s"
            if let accepted = open.acceptedToDelivered {
                targets.append(
                    .below(
                        "p99 overhead at \(rate), accepted→delivered",
                        accepted.p99Milliseconds - baseline.observed.p99Milliseconds,
                        5,
                        unit: "ms"
                    )
                )
            }
            targets.append(
                .below(
                    "p99 overhead at \(rate), as the client sees it",
                    open.observed.p99Milliseconds - baseline.observed.p99Milliseconds,
                    5,
                    unit: "ms"
                )
            )
        }
        targets.append(.below("RSS idle", daemon.idleMemory.residentBytes.mebibytes, 40, unit: "MiB"))
        if let queued {
            targets.append(
                .below(
                    "RSS with \(queued.requests) queued",
                    queued.queuedMemory.residentBytes.mebibytes,
                    80,
                    unit: "MiB"
                )
            )
        }
        return targets
    }

    /// Throughput where both paths are saturated: in a closed loop of N requests in flight, requests per second are
    /// N divided by the latency (Little's law), so below saturation the ratio of two paths is the ratio of their
    /// latencies, which the p99 targets judge. At the settings' `concurrency` when the saturated loops did not run.
    private static func throughput(
        settings: BenchmarkSettings,
        direct: DirectPhase.Report,
        daemon: DaemonPhase.Report
    ) -> TargetResult {
        let (directLoop, daemonLoop, concurrency) =
            if let directSaturated = direct.saturatedLoop, let daemonSaturated = daemon.saturatedLoop {
                (directSaturated, daemonSaturated, settings.saturatedConcurrency)
            } else {
                (direct.closedLoop, daemon.closedLoop, settings.concurrency)
            }
        return .atLeast(
            "throughput at \(concurrency) in flight, daemon ÷ direct",
            daemonLoop.requestsPerSecond / directLoop.requestsPerSecond,
            0.5,
            unit: "×"
        )
    }

    /// The report as one line of JSON (sorted keys).
    func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
