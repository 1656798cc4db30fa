import Bridge
import Foundation
import LocalAPIModels

/// The daemon's health while it starts: the store is open but the UCWA application is not yet, so there is no
/// event channel, no application and no queue actor; the queue's depth is read from the store itself.
///
/// Contract: `status` is always `degraded` (nothing can be delivered yet), the event channel's state is
/// ``stateName`` (`starting`) with no last event and no reconnect, `application` is `null`, and `queue` is the
/// store's depth (empty when the store does not answer).
public struct StartingHealth: HealthSource {
    /// The event channel's state while the application is being opened.
    public static let stateName = "starting"

    let store: RequestStore
    let now: @Sendable () -> Date

    public init(store: RequestStore, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    public func health() async -> HealthView {
        let depth = try? await store.depth()
        return HealthView(
            status: "degraded",
            eventChannel: HealthView.EventChannelView(state: Self.stateName, lastEventAt: nil, reconnects: 0),
            application: nil,
            queue: depth.map { HealthView.QueueView($0, now: now()) } ?? .unread
        )
    }
}
