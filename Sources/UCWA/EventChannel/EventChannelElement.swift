/// What the event channel delivers, in order.
public enum EventChannelElement: Sendable {
    /// One event response (possibly empty: the P-GET's `timeout` passed). Its ``EventsResponse/continuation`` is
    /// the href the channel already requested next.
    case events(EventsResponse)
    /// The response carried `resume`: the server reset the transient state (conversations, pending operations).
    /// Delivered just before that response's ``events(_:)``.
    case resumed
    /// The response carried `resync`: the channel's `ack` was out of range. Delivered just before that response's
    /// ``events(_:)``.
    case resynced
    /// The application was lost and created again; the channel continues from its new `events` link. Operations
    /// in flight on the old application are lost.
    case applicationRecreated(ApplicationContext)
}
