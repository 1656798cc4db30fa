import Logging
import ServiceLifecycle
import Systemd

/// Feeds systemd's watchdog (`WatchdogSec=`): every ``WatchdogSettings/pingInterval`` (half the timeout, as
/// `sd_watchdog_enabled(3)` advises) it runs a ``LivenessProbe`` round with a deadline below the interval, and sends
/// `WATCHDOG=1` only when every check answered. A wedged event loop, dispatcher or queue therefore stops the pings
/// and systemd kills and restarts the daemon; nothing keeps a stuck daemon alive on a timer alone.
///
/// Contract:
/// - Without a watchdog (`WATCHDOG_USEC` unset, or `WATCHDOG_PID` naming another process) or without a service
///   manager (`NOTIFY_SOCKET` unset) it sends nothing and waits for the shutdown.
/// - Rounds start every ping interval on the injected clock, measured from the start of the previous round, so a
///   slow round does not shift the cadence; a round's deadline is ``probeDeadline(for:)``.
/// - It stops at graceful shutdown. Early in the service group, it is among the last services to stop, so the
///   pings go on while the API closes and the queue drains.
/// - An unresponsive part is logged (error) when the pings stop and again (notice) when they resume, not at
///   every interval.
struct WatchdogService<C: Clock>: Service, CustomStringConvertible where C.Duration == Duration {
    var description: String { "WatchdogService" }

    /// What the service remembers from one beat to the next, for logging changes only.
    struct Memory: Sendable {
        var verdict: LivenessProbe.Verdict?
        var sendFailed = false
    }

    let settings: WatchdogSettings?
    let probe: LivenessProbe
    let notifier: any NotifySink
    let clock: C
    let logger: Logger

    /// The deadline of a probe round: half the ping interval, at most five seconds (an event loop that cannot run
    /// a no-op for that long is wedged, whatever the interval).
    static func probeDeadline(for settings: WatchdogSettings) -> Duration {
        min(settings.pingInterval / 2, .seconds(5))
    }

    func run() async throws {
        guard let settings, notifier.isSupervised else {
            try? await gracefulShutdown()
            return
        }
        logger.info(
            "watchdog enabled",
            metadata: [
                "timeout": "\(settings.timeout)", "interval": "\(settings.pingInterval)",
                "checks": "\(probe.checks.map(\.name).joined(separator: ", "))",
            ]
        )
        try? await cancelWhenGracefulShutdown { try await feed(settings) }
    }

    /// Beats every ping interval until cancelled (then throws `CancellationError`).
    func feed(_ settings: WatchdogSettings) async throws {
        var memory = Memory()
        let deadline = Self.probeDeadline(for: settings)
        while true {
            let started = clock.now
            await beat(within: deadline, memory: &memory)
            try await clock.sleep(until: started.advanced(by: settings.pingInterval), tolerance: nil)
        }
    }

    /// One beat: a probe round bounded by `deadline`, then `WATCHDOG=1` if every check answered.
    ///
    /// - Returns: the round's verdict; `WATCHDOG=1` was sent (or its sending failed and was logged) exactly when it
    ///   is ``LivenessProbe/Verdict/alive``.
    @discardableResult
    func beat(within deadline: Duration, memory: inout Memory) async -> LivenessProbe.Verdict {
        let verdict = await probe.probe(within: deadline, clock: clock)
        defer { memory.verdict = verdict }
        guard verdict == .alive else {
            if case .unresponsive(let names) = verdict, memory.verdict != verdict {
                logger.error(
                    "watchdog: WATCHDOG=1 withheld, parts of the daemon do not answer; systemd will restart it",
                    metadata: ["unresponsive": "\(names.joined(separator: ", "))", "deadline": "\(deadline)"]
                )
            }
            return verdict
        }
        if let previous = memory.verdict, previous != .alive {
            logger.notice("watchdog: every part answers again; WATCHDOG=1 resumed")
        }
        do {
            try notifier.send([.watchdog])
            memory.sendFailed = false
        } catch {
            if !memory.sendFailed {
                logger.error("watchdog: WATCHDOG=1 could not be sent", metadata: ["error": "\(error)"])
            }
            memory.sendFailed = true
        }
        return verdict
    }
}
