import Bridge
import Logging
import ServiceLifecycle

/// Runs the queue's admission loop. On shutdown: the queue stops admitting, POSTs already sent get up to
/// `drainTime` for their answers, and the dispatcher stops; every request keeps its stored state for the next
/// start.
struct DispatchService: Service, CustomStringConvertible {
    var description: String { "DispatchService" }

    let queue: MessageQueue
    let dispatcher: Dispatcher
    let applicationReused: Bool
    let drainTime: Duration
    let logger: Logger

    func run() async throws {
        let queue = queue
        let applicationReused = applicationReused
        let admission = Task { await queue.run(applicationReused: applicationReused) }
        try? await gracefulShutdown()
        await queue.stop()
        admission.cancel()
        await admission.value
        let unanswered = await dispatcher.drain(within: drainTime, clock: ContinuousClock())
        if unanswered > 0 {
            logger.warning(
                "POSTs still unanswered at shutdown; their requests are ambiguous at the next start",
                metadata: ["requests": "\(unanswered)"]
            )
        }
        await dispatcher.shutdown()
        logger.info("dispatcher stopped")
    }
}
