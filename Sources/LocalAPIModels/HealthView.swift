import Foundation

/// The answer of `GET /v1/health`.
public struct HealthView: Codable, Sendable, Hashable {
    /// `ok` when the event channel is parked or polling; `degraded` otherwise.
    public var status: String
    public var eventChannel: EventChannelView
    /// `nil` until the UCWA application is open.
    public var application: ApplicationView?
    public var queue: QueueView

    public init(status: String, eventChannel: EventChannelView, application: ApplicationView?, queue: QueueView) {
        self.status = status
        self.eventChannel = eventChannel
        self.application = application
        self.queue = queue
    }

    /// The event channel: its state (`parked`, `backingOff`, `foreignOwner`, ...; `starting` while the daemon is still
    /// opening the UCWA application, before any channel exists) and when events last came.
    public struct EventChannelView: Codable, Sendable, Hashable {
        public var state: String
        public var lastEventAt: Date?
        public var reconnects: Int

        public init(state: String, lastEventAt: Date?, reconnects: Int) {
            self.state = state
            self.lastEventAt = lastEventAt
            self.reconnects = reconnects
        }
    }

    /// The UCWA application the daemon holds.
    public struct ApplicationView: Codable, Sendable, Hashable {
        public var href: String
        /// `created` or `reused` (the stable endpointId found the previous application).
        public var creation: String

        public init(href: String, creation: String) {
            self.href = href
            self.creation = creation
        }
    }

    /// The queue: how many requests are in each non-empty state, and the age of the oldest waiting one.
    public struct QueueView: Codable, Sendable, Hashable {
        public var byState: [String: Int]
        public var oldestQueuedAgeSeconds: Double?

        public init(byState: [String: Int], oldestQueuedAgeSeconds: Double?) {
            self.byState = byState
            self.oldestQueuedAgeSeconds = oldestQueuedAgeSeconds
        }
    }
}
