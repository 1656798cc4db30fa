import Bridge
import Foundation
import LocalAPIModels
import UCWA

/// The daemon's health: the event channel (through an ``EventChannelMonitor``), the UCWA application the
/// connection holds, and the queue's depth.
///
/// `status` is `ok` while the event channel has a P-GET parked and the store answers, `degraded` otherwise.
public struct BridgeHealth: HealthSource {
    let connection: any DispatchConnection
    let channel: EventChannelMonitor
    let queue: MessageQueue
    let now: @Sendable () -> Date

    public init(
        connection: any DispatchConnection,
        channel: EventChannelMonitor,
        queue: MessageQueue,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.connection = connection
        self.channel = channel
        self.queue = queue
        self.now = now
    }

    public func health() async -> HealthView {
        let snapshot = channel.snapshot
        let application = await connection.application.map { context in
            HealthView.ApplicationView(href: context.selfHref.pathAndQuery, creation: context.creation.rawValue)
        }
        var queueView = HealthView.QueueView.unread
        var storeAnswered = true
        do {
            queueView = HealthView.QueueView(try await queue.depth(), now: now())
        } catch {
            storeAnswered = false
        }
        let parked = snapshot.state == .parked
        return HealthView(
            status: parked && storeAnswered ? "ok" : "degraded",
            eventChannel: HealthView.EventChannelView(
                state: snapshot.state?.apiName ?? "none",
                lastEventAt: snapshot.lastEventAt,
                reconnects: snapshot.reconnects
            ),
            application: application,
            queue: queueView
        )
    }
}
