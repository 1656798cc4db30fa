import LocalAPI
import Logging
import UCWA

/// Opens the UCWA application at start: transient failures (the server unreachable, 5xx) are retried with
/// exponential backoff, logged and recorded in an ``OpeningProgress``; a configuration error (bad credentials,
/// `UserAgentNotAllowed`, ...) ends the start with that error.
struct ApplicationOpener: Sendable {
    var initialDelay: Duration = .seconds(1)
    var maximumDelay: Duration = .seconds(60)

    /// Returns the open application, or throws the first configuration error, or `CancellationError` once the
    /// task is cancelled (the daemon stops); an attempt cut short by the cancellation is not recorded as failed.
    func open<C: Clock>(
        _ client: UCWAClient,
        clock: C,
        progress: OpeningProgress,
        logger: Logger
    ) async throws -> ApplicationContext where C.Duration == Duration {
        var delay = initialDelay
        var failures = 0
        // Ends on success, on a configuration error, or when the task is cancelled (the daemon stops).
        while true {
            do {
                let context = try await client.openApplication()
                if failures > 0 {
                    logger.notice("UCWA application opened", metadata: ["failed-attempts": "\(failures)"])
                }
                return context
            } catch {
                if error.isConfigurationError {
                    throw error
                }
                try Task.checkCancellation()
                failures += 1
                progress.recordFailure(attempt: failures, error: error, retryIn: delay)
                logger.warning(
                    "the UCWA application could not be opened; trying again",
                    metadata: ["error": "\(error)", "retry-in": "\(delay)", "attempt": "\(failures)"]
                )
            }
            try await clock.sleep(for: delay)
            delay = min(delay * 2, maximumDelay)
        }
    }
}
