import Logging
import ServiceLifecycle
import Systemd

/// Tells systemd that shutdown began. It is the last service of the group, so the first to hear of a graceful
/// shutdown: `STOPPING=1` goes out before the API stops and the queue drains.
struct LifecycleNotifierService: Service, CustomStringConvertible {
    var description: String { "LifecycleNotifierService" }

    let notifier: SystemdNotifier
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        logger.notice("shutting down: draining")
        _ = try? notifier.notify([.stopping])
    }
}
