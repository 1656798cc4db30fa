import Logging
import ServiceLifecycle
import UCWA

/// Runs the event channel on the open application: starts it (from the stored events href when the application
/// was reused), and on shutdown stops it and closes the UCWA client. The application itself is kept, so that the
/// next start reuses it with its stable endpointId.
struct EventChannelService: Service, CustomStringConvertible {
    var description: String { "EventChannelService" }

    let channel: EventChannel
    let client: UCWAClient
    let resumeHref: String?
    let logger: Logger

    func run() async throws {
        channel.start(from: resumeHref)
        try? await gracefulShutdown()
        await channel.stop()
        await client.shutdown(deletingApplication: false)
        logger.info("event channel stopped")
    }
}
