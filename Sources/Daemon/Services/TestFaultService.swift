import Foundation
import LocalAPI
import Logging
import ServiceLifecycle
import UnixSignals

/// Carries out the ``TestFaults`` a process test armed; with none armed (always, outside tests) it only waits for
/// the shutdown and traps no signal.
///
/// With `wedge-event-loop-on-sigusr2`, the first SIGUSR2 runs a task on the first event loop that blocks its thread
/// for the rest of the process's life; it logs `test fault: event loop 1/N wedged` (warning) from that thread just
/// before blocking, so a test can tell when the wedge took effect. Later SIGUSR2s are logged and ignored.
struct TestFaultService: Service, CustomStringConvertible {
    var description: String { "TestFaultService" }

    let faults: TestFaults
    let eventLoops: ServerEventLoops
    let logger: Logger

    func run() async throws {
        guard faults.wedgeEventLoopOnSIGUSR2, eventLoops.count > 0 else {
            try? await gracefulShutdown()
            return
        }
        logger.warning(
            "test faults armed: SIGUSR2 wedges an event loop",
            metadata: ["variable": "\(TestFaults.environmentVariable)"]
        )
        let signals = await UnixSignalsSequence(trapping: .sigusr2)
        let eventLoops = eventLoops
        let logger = logger
        await cancelWhenGracefulShutdown {
            var wedged = false
            for await _ in signals {
                guard !wedged else {
                    logger.warning("test fault: SIGUSR2 ignored, an event loop is already wedged")
                    continue
                }
                wedged = true
                let name = "event loop 1/\(eventLoops.count)"
                eventLoops.execute(onLoop: 0) {
                    logger.warning("test fault: \(name) wedged")
                    while true {
                        sleep(3600)
                    }
                }
            }
        }
    }
}
