import Logging
import ServiceLifecycle
import Systemd

/// Tells systemd what the daemon is doing, as one `STATUS=` line (``StatusLine``): the event channel, the queue
/// depth, the last failure.
///
/// Contract:
/// - Every `sampleInterval` (one second) on the injected clock it reads a ``StatusSource`` and offers the line to
///   a ``StatusThrottle``: a line goes out when it changed, at most once per `sampleInterval`, and unchanged again
///   after `refreshInterval` (a minute), over whatever another sender (the reload) said meanwhile. The queue's
///   store is therefore read at most once per interval.
/// - Without a service manager (`NOTIFY_SOCKET` unset) it reads and sends nothing and waits for the shutdown.
/// - It stops at graceful shutdown; early in the service group, it keeps reporting while the queue drains.
/// - A line that could not be sent is logged once and offered again at the next sample.
struct StatusReporterService<C: Clock>: Service, CustomStringConvertible where C.Duration == Duration {
    var description: String { "StatusReporterService" }

    let source: any StatusSource
    let notifier: any NotifySink
    let clock: C
    let logger: Logger
    var sampleInterval: Duration = .seconds(1)
    var refreshInterval: Duration = .seconds(60)

    func run() async throws {
        guard notifier.isSupervised else {
            try? await gracefulShutdown()
            return
        }
        try? await cancelWhenGracefulShutdown { try await report() }
    }

    /// Samples and sends until cancelled (then throws `CancellationError`).
    func report() async throws {
        var throttle = StatusThrottle<C.Instant>(minimumInterval: sampleInterval, refreshInterval: refreshInterval)
        var sendFailed = false
        while true {
            let started = clock.now
            let line = StatusLine.compose(await source.snapshot())
            if throttle.admit(line, at: started) {
                do {
                    try notifier.send([.status(line)])
                    sendFailed = false
                } catch {
                    if !sendFailed {
                        logger.warning("STATUS= could not be sent", metadata: ["error": "\(error)"])
                    }
                    sendFailed = true
                    throttle.forget()
                }
            }
            try await clock.sleep(until: started.advanced(by: sampleInterval), tolerance: nil)
        }
    }
}
