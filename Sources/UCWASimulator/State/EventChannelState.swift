/// The event channel of one application: the ack sequence, the queued and the delivered but
/// unacknowledged events, the parked P-GET and the remembered query parameters
/// (protocol notes §3.1–3.3).
///
/// Acks are consecutive integers. The batch for ack `N` is fixed when it is first answered;
/// asking for `N` again re-delivers it, asking for `N + 1` acknowledges it. An empty response
/// (timeout) also consumes its ack. Any other ack is answered with `resync` to the first
/// unacknowledged batch.
struct EventChannelState: Sendable {
    let eventsPath: String
    /// The ack whose batch is being assembled or was delivered without acknowledgement.
    private(set) var expectedAck = 1
    /// The events answered for `expectedAck`, once answered.
    private var delivered: [ChannelEvent]?
    private var queue: [ChannelEvent] = []
    var parked: ParkedPoll?
    /// When the last P-GET was released; nil until the first one is.
    var lastReleasedAt: Duration?
    /// The remembered `timeout` parameter, in seconds; nil means the default.
    var timeout: Int?
    /// The next P-GET is answered with `resume` instead of `next`.
    private(set) var resumePending = false

    init(eventsPath: String) {
        self.eventsPath = eventsPath
    }

    func href(ack: Int) -> String {
        eventsPath + "?ack=" + String(ack)
    }

    /// The href the application resource advertises: the first unacknowledged batch.
    var currentHref: String { href(ack: expectedAck) }

    /// Answers a P-GET at once, or returns nil when it has to be held.
    mutating func respond(toAck ack: Int?) -> EventResponseShape? {
        if resumePending {
            resumePending = false
            delivered = []
            return batch(.resume, events: [])
        }
        if let ack, ack == expectedAck + 1, delivered != nil {
            expectedAck += 1
            delivered = nil
        } else if let ack, ack == expectedAck {
            if let delivered, !delivered.isEmpty {
                return batch(.next, events: delivered)
            }
            delivered = nil
        } else {
            let selfHref = ack.map { href(ack: $0) } ?? eventsPath
            return EventResponseShape(kind: .resync(selfHref: selfHref, resyncHref: href(ack: expectedAck)))
        }
        return takeQueue()
    }

    /// The queued events as the batch for `expectedAck`, or nil when nothing is queued.
    mutating func takeQueue() -> EventResponseShape? {
        guard !queue.isEmpty else { return nil }
        delivered = queue
        queue = []
        return batch(.next, events: delivered ?? [])
    }

    /// The empty response a held P-GET gets when its timeout passes.
    mutating func emptyResponse() -> EventResponseShape {
        delivered = []
        return batch(.next, events: [])
    }

    mutating func enqueue(_ events: [ChannelEvent]) {
        queue.append(contentsOf: events)
    }

    /// Drops queued and unacknowledged events and the parameters; the next P-GET gets `resume`.
    mutating func resetTransientState() {
        if delivered != nil {
            expectedAck += 1
        }
        delivered = nil
        queue = []
        timeout = nil
        resumePending = true
    }

    private func batch(_ continuation: EventResponseShape.Continuation, events: [ChannelEvent]) -> EventResponseShape {
        EventResponseShape(
            kind: .batch(
                selfHref: href(ack: expectedAck),
                continuation: continuation,
                continuationHref: href(ack: expectedAck + 1),
                events: events
            )
        )
    }
}
