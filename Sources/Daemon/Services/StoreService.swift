import Bridge
import Logging
import ServiceLifecycle

/// Keeps the request store open for the daemon's life and closes it last, after every service that writes to it
/// has stopped (the service group shuts services down in reverse order).
struct StoreService: Service, CustomStringConvertible {
    var description: String { "StoreService" }

    let store: RequestStore
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        do {
            try store.close()
        } catch {
            logger.error("the store did not close cleanly", metadata: ["error": "\(error)"])
        }
    }
}
