import Foundation

/// The readable form of a ``BenchmarkReport``: tables of the direct and daemon figures side by side, the deep queue,
/// and the targets.
struct ReportPrinter {
    let report: BenchmarkReport

    /// The whole table, lines ending in newlines.
    var text: String {
        var lines = header()
        lines += loadTable("closed loop", report.direct.closedLoop, report.daemon.closedLoop)
        lines.append(roundRatios(report.daemon.closedLoopRoundRatios))
        if let direct = report.direct.saturatedLoop, let daemon = report.daemon.saturatedLoop {
            lines += loadTable("saturated loop", direct, daemon)
            lines.append(roundRatios(report.daemon.saturatedLoopRoundRatios ?? []))
        }
        lines += unwatchedRows(report.daemon.unwatched)
        if let direct = report.direct.openLoop, let daemon = report.daemon.openLoop {
            lines += loadTable("open loop", direct, daemon)
        }
        lines += daemonTable()
        if let queued = report.queued {
            lines += queuedTable(queued)
        }
        lines += [""] + report.targets.map(targetLine)
        return lines.joined(separator: "\n") + "\n"
    }

    private func targetLine(_ target: TargetResult) -> String {
        let verdict = target.met ? "met   " : "missed"
        let comparison = target.comparison == "atLeast" ? "at least" : "below"
        return "[\(verdict)] \(pad(target.name, 46)) \(number(target.value, 2)) \(target.unit)"
            + " (\(comparison) \(number(target.limit, 1)) \(target.unit))"
    }

    private func header() -> [String] {
        let settings = report.settings
        let load = [report.loadAverageAtStart, report.loadAverageAtEnd].map { $0.map { number($0, 2) } ?? "?" }
        let open =
            settings.rate > 0
            ? "open loop \(number(settings.rate, 0))/s for \(number(settings.durationSeconds, 0)) s" : "no open loop"
        return [
            "ucwa-bridge-bench  \(report.date)  \(report.cores) cores, load average \(load[0]) at the start,"
                + " \(load[1]) at the end",
            "\(settings.requests) requests in \(settings.rounds) alternating rounds after \(settings.warmUp) of"
                + " warm-up, \(settings.concurrency) in flight\(saturatedShape(settings));"
                + " \(open); \(settings.queued > 0 ? "\(settings.queued) queued" : "no deep queue")",
            "fdatasync of 4 KiB on the state file system (ms): p50 / p99 / mean "
                + "\(percentiles(report.diskSync)) / \(number(report.diskSync.meanMilliseconds, 2))",
        ]
    }

    private func saturatedShape(_ settings: BenchmarkSettings) -> String {
        settings.saturatedConcurrency > 0
            ? " (and \(settings.saturatedRequests) at \(settings.saturatedConcurrency), saturated)" : ""
    }

    private func loadTable(_ title: String, _ direct: LoadResult, _ daemon: LoadResult) -> [String] {
        let shape =
            direct.ratePerSecond.map { "\(number($0, 0))/s, \(direct.requests) requests" }
            ?? "\(direct.concurrency ?? 0) in flight, \(direct.requests) requests"
        var lines = ["", "\(pad("\(title) (\(shape))", 44)) \(pad("direct", 16)) daemon"]
        lines.append(row("requests/s", number(direct.requestsPerSecond, 1), number(daemon.requestsPerSecond, 1)))
        lines.append(row("observed p50 / p99 (ms)", percentiles(direct.observed), percentiles(daemon.observed)))
        let accepted = daemon.acceptedToDelivered.map(percentiles) ?? "-"
        lines.append(row("accepted→delivered p50 / p99 (ms)", "-", accepted))
        lines.append(
            row(
                "observed max (ms)",
                number(direct.observed.maxMilliseconds, 1),
                number(daemon.observed.maxMilliseconds, 1)
            )
        )
        lines.append(
            row(
                "CPU per request (µs): bench | daemon",
                number(direct.cpuMicrosecondsPerRequest, 0),
                number(daemon.cpuMicrosecondsPerRequest, 0)
            )
        )
        lines.append(
            row(
                "CPU per request (µs): bench as client",
                "-",
                daemon.clientCPUMicrosecondsPerRequest.map { number($0, 0) } ?? "-"
            )
        )
        lines.append(
            row(
                "simulator CPU per request (µs)",
                number(direct.simulatorCPUMicrosecondsPerRequest, 0),
                number(daemon.simulatorCPUMicrosecondsPerRequest, 0)
            )
        )
        lines.append(
            row(
                "continueMessaging POSTs per request",
                number(direct.attemptsPerRequest, 3),
                number(daemon.attemptsPerRequest, 3)
            )
        )
        lines.append(
            row("local API calls per request", "-", daemon.localAPICallsPerRequest.map { number($0, 2) } ?? "-")
        )
        if let directLag = direct.maximumStartLagMilliseconds, let daemonLag = daemon.maximumStartLagMilliseconds {
            lines.append(row("largest start lag (ms)", number(directLag, 1), number(daemonLag, 1)))
        }
        return lines
    }

    private func daemonTable() -> [String] {
        let daemon = report.daemon
        return [
            "",
            "daemon",
            row("start → READY=1 (ms)", number(daemon.startup.readyMilliseconds, 1)),
            row("start → GET /v1/health answered (ms)", number(daemon.startup.healthMilliseconds, 1)),
            row("RSS idle (MiB)", mebibytes(daemon.idleMemory.residentBytes)),
            row(
                "RSS after the load / peak (MiB)",
                "\(mebibytes(daemon.memoryAfterLoad.residentBytes)) / "
                    + mebibytes(daemon.memoryAfterLoad.peakResidentBytes)
            ),
            row(
                "benchmark process peak, direct client (MiB)",
                mebibytes(report.direct.benchmarkProcessMemory.peakResidentBytes)
            ),
            row("SIGTERM → exit (ms)", daemon.stopMilliseconds.map { number($0, 0) } ?? "killed"),
        ] + apiCallCostRows(daemon.apiCallCost) + [
            row(
                "continueMessaging received: direct | daemon",
                "\(report.direct.continueMessagingReceived)",
                "\(daemon.continueMessagingReceived)"
            )
        ]
    }

    private func roundRatios(_ ratios: [Double]) -> String {
        row("daemon ÷ direct, round by round", ratios.map { number($0, 2) }.joined(separator: ", "))
    }

    private func unwatchedRows(_ unwatched: UnwatchedRun.Result) -> [String] {
        [
            "",
            "daemon, \(unwatched.requests) requests POSTed with nobody waiting (until health counts them delivered)",
            row("requests/s", number(unwatched.requestsPerSecond, 1)),
            row("CPU per request (µs): daemon", number(unwatched.cpuMicrosecondsPerRequest, 0)),
            row("simulator CPU per request (µs)", number(unwatched.simulatorCPUMicrosecondsPerRequest, 0)),
        ]
    }

    private func apiCallCostRows(_ cost: APICallCost?) -> [String] {
        guard let cost else { return [] }
        return [
            row(
                "GET /v1/health: CPU (µs) / p50 (ms)",
                "\(number(cost.healthCPUMicroseconds, 0)) / \(number(cost.healthLatency.p50Milliseconds, 2))"
            ),
            row(
                "GET /v1/messages/{id}: CPU (µs) / p50 (ms)",
                "\(number(cost.messageCPUMicroseconds, 0)) / \(number(cost.messageLatency.p50Milliseconds, 2))"
            ),
        ]
    }

    private func queuedTable(_ queued: QueuedPhase.Report) -> [String] {
        let states = queued.queueByState.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        return [
            "",
            "\(queued.requests) queued (the simulator never completes an invitation)",
            row(
                "enqueue time (s) / accepted per second",
                "\(number(queued.enqueueSeconds, 1)) / \(number(queued.acceptedPerSecond, 0))"
            ),
            row("POST /v1/messages p50 / p99 (ms)", percentiles(queued.postLatency)),
            row("daemon CPU per accepted request (µs)", number(queued.daemonCPUMicrosecondsPerRequest, 0)),
            row("RSS idle before (MiB)", mebibytes(queued.idleMemory.residentBytes)),
            row(
                "RSS with the queue full / peak (MiB)",
                "\(mebibytes(queued.queuedMemory.residentBytes)) / "
                    + mebibytes(queued.queuedMemory.peakResidentBytes)
            ),
            row("queue by state", states.joined(separator: ", ")),
            row("SIGTERM → exit (ms)", queued.stopMilliseconds.map { number($0, 0) } ?? "killed"),
            row(
                "restart: start → READY=1 / health (ms)",
                queued.restartStartup.map {
                    "\(number($0.readyMilliseconds, 1)) / \(number($0.healthMilliseconds, 1))"
                } ?? "-"
            ),
            row("restart: RSS idle (MiB)", queued.restartIdleMemory.map { mebibytes($0.residentBytes) } ?? "-"),
        ]
    }

    private func row(_ label: String, _ first: String, _ second: String? = nil) -> String {
        let line = "  \(pad(label, 42)) \(second == nil ? first : pad(first, 16))"
        return second.map { line + " " + $0 } ?? line
    }

    private func percentiles(_ summary: LatencySummary) -> String {
        "\(number(summary.p50Milliseconds, 2)) / \(number(summary.p99Milliseconds, 2))"
    }

    private func mebibytes(_ bytes: Int) -> String {
        number(bytes.mebibytes, 1)
    }

    private func number(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
