import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging

/// Measures requests through the whole daemon beside a direct UCWA client doing the same work, in the same run.
///
/// Phases, each party against a `ucwa-sim` process of its own on loopback:
/// 1. direct: a `UCWA` client in this process (GET the conversation log, POST continueMessaging, wait for the
///    `completed` event), started and warmed up; it stays up through the daemon's phase;
/// 2. daemon: `ucwa-bridged` in its own process, timed from launch to `READY=1` and to its first health answer,
///    then the same loads through its socket (a POST held until `delivered`, long polls only if it ran out). Its
///    closed loops run in `--rounds` rounds, each after a round of the direct client's closed loop, so that both see
///    the same moments of the host: `--concurrency` requests in flight, then `--saturated-concurrency`, where both
///    paths run at their throughput and which the throughput target judges; then the direct client's open loop;
/// 3. queued: a fresh daemon that cannot deliver, filled with `--queued` requests; memory and a restart on that
///    queue.
///
/// Prints a table, then one JSON line with every figure. Every child is stopped at the end, after an error and on
/// SIGINT/SIGTERM.
@main
struct BridgeBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ucwa-bridge-bench",
        abstract: "Throughput, latency, CPU and memory of ucwa-bridged against ucwa-sim, beside a direct client."
    )

    @Option(help: "Requests of each closed-loop run, after the warm-up.")
    var requests = 2_000

    @Option(help: "Rounds of the closed loops, the direct client's alternating with the daemon's.")
    var rounds = 4

    @Option(
        help: """
            Requests in flight in the closed loops (1 to 100); the daemon's dispatch.concurrency is the larger of \
            this and --saturated-concurrency.
            """
    )
    var concurrency = 16

    @Option(
        help: """
            Requests in flight in the closed loops that measure throughput, where both paths are saturated \
            (1 to 100, UCWA's limit of outstanding requests per user; 0 skips them).
            """
    )
    var saturatedConcurrency = 64

    @Option(help: "Requests of each saturated closed-loop run, in --rounds rounds.")
    var saturatedRequests = 8_000

    @Option(name: .customLong("warm-up"), help: "Requests before measuring, on each path.")
    var warmUp = 200

    @Option(help: "The open loop's requests per second (0 skips the open loop).")
    var rate: Double = 100

    @Option(help: "The open loop's length, e.g. 10s.")
    var duration = DurationArgument(argument: "10s")!

    @Option(help: "Requests to queue on a daemon that cannot deliver.")
    var queued = 100_000

    @Option(help: "Concurrent POSTs while queueing.")
    var queuedConcurrency = 32

    @Flag(help: "Skip the deep-queue phase.")
    var skipQueued = false

    @Option(help: "The ucwa-bridged executable (default: beside this benchmark).")
    var daemon: String?

    @Option(help: "The ucwa-sim executable (default: beside this benchmark).")
    var simulator: String?

    @Flag(help: "Keep the scratch directory (configurations, logs, state) after a successful run.")
    var keepScratch = false

    func validate() throws {
        guard requests >= 1, warmUp >= 0 else { throw ValidationError("--requests must be at least 1") }
        guard (1...requests).contains(rounds) else { throw ValidationError("--rounds must be 1 to --requests") }
        guard (1...100).contains(concurrency) else { throw ValidationError("--concurrency must be 1 to 100") }
        guard (0...100).contains(saturatedConcurrency), saturatedRequests >= rounds else {
            throw ValidationError("--saturated-concurrency must be 0 to 100 and --saturated-requests at least --rounds")
        }
        guard rate >= 0, rate <= 10_000 else { throw ValidationError("--rate must be 0 to 10000") }
        guard duration.duration > .zero, duration.seconds <= 3_600 else {
            throw ValidationError("--duration must be above zero and at most 1h")
        }
        guard queued >= 1, (1...1_000).contains(queuedConcurrency) else {
            throw ValidationError("--queued must be at least 1 and --queued-concurrency 1 to 1000")
        }
    }

    func run() async throws {
        let settings = BenchmarkSettings(
            requests: requests,
            rounds: rounds,
            concurrency: concurrency,
            saturatedConcurrency: saturatedConcurrency,
            saturatedRequests: saturatedRequests,
            warmUp: warmUp,
            rate: rate,
            durationSeconds: duration.seconds,
            queued: skipQueued ? 0 : queued,
            queuedConcurrency: queuedConcurrency
        )
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let directory = try ScratchDirectory()
        let registry = ChildProcessRegistry()
        let signals = TerminationSignals(registry: registry, directory: directory)
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: Self.httpConfiguration())
        let environment = BenchmarkEnvironment(
            simulatorPath: try ExecutableLocator.locate("ucwa-sim", given: simulator),
            daemonPath: try ExecutableLocator.locate("ucwa-bridged", given: daemon),
            directory: directory,
            registry: registry,
            http: http,
            logger: Logger(label: "ucwa-bridge-bench")
        )
        let report: BenchmarkReport
        do {
            report = try await Self.measure(settings, environment)
        } catch {
            await registry.stopAll()
            try? await http.shutdown()
            signals.cancel()
            FileHandle.standardError.write(Data("ucwa-bridge-bench: failed; logs kept in \(directory.path)\n".utf8))
            throw error
        }
        await registry.stopAll()
        try await http.shutdown()
        signals.cancel()
        if !keepScratch {
            directory.remove()
        }
        print(ReportPrinter(report: report).text, terminator: "")
        print(try report.jsonLine())
    }

    /// The phases in order: direct, daemon, then the deep queue.
    private static func measure(
        _ settings: BenchmarkSettings,
        _ environment: BenchmarkEnvironment
    ) async throws -> BenchmarkReport {
        let load = LoadAverage.oneMinute()
        let diskSync = try DiskSyncProbe.measure(in: environment.directory)
        progress("direct client: start, \(settings.warmUp) warm-up")
        let (direct, daemon) = try await DirectPhase.run(settings, environment) { directRound in
            progress(
                "daemon: start, \(settings.warmUp) warm-up, \(settings.requests) closed loop in \(settings.rounds) "
                    + "rounds alternating with the direct client's\(saturatedProgress(settings)), open loop; then the "
                    + "direct client's open loop"
            )
            return try await DaemonPhase.run(settings, environment, direct: directRound)
        }
        var queued: QueuedPhase.Report?
        if settings.queued > 0 {
            progress("queueing \(settings.queued) requests on a daemon that cannot deliver")
            queued = try await QueuedPhase.run(settings, environment)
        }
        return BenchmarkReport(
            loadAverageAtStart: load,
            diskSync: diskSync,
            settings: settings,
            direct: direct,
            daemon: daemon,
            queued: queued
        )
    }

    /// For the simulators' admin API (the daemons' sockets have ``SocketConnections``).
    private static func httpConfiguration() -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout.connect = .seconds(5)
        return configuration
    }

    private static func saturatedProgress(_ settings: BenchmarkSettings) -> String {
        guard settings.saturatedConcurrency > 0 else { return "" }
        return ", the same with \(settings.saturatedRequests) at \(settings.saturatedConcurrency) in flight"
    }

    private static func progress(_ text: String) {
        FileHandle.standardError.write(Data("ucwa-bridge-bench: \(text)\n".utf8))
    }
}
