import Bridge
import Logging
import ServiceLifecycle

/// Keeps the request store open for the daemon's life, runs its WAL checkpoints meanwhile
/// (``RequestStore/runCheckpoints(clock:onCheckpoint:)``), and closes it last, after every service that writes to it
/// has stopped (the service group shuts services down in reverse order).
struct StoreService: Service, CustomStringConvertible {
    var description: String { "StoreService" }

    let store: RequestStore
    let logger: Logger

    func run() async throws {
        await withTaskGroup { group in
            group.addTask { [store, logger] in
                await store.runCheckpoints { outcome in
                    if case .failure(let error) = outcome {
                        logger.warning("a WAL checkpoint failed", metadata: ["error": "\(error)"])
                    }
                }
            }
            try? await gracefulShutdown()
            group.cancelAll()
        }
        do {
            try store.close()
        } catch {
            logger.error("the store did not close cleanly", metadata: ["error": "\(error)"])
        }
    }
}
