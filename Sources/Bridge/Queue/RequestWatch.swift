/// The changes of one request from the moment it was opened (``MessageQueue/watch(_:until:)``): what a wait reads,
/// opened before the request is read or stored so that no change is missed in between.
public struct RequestWatch: Sendable {
    /// The request followed.
    public let id: RequestID
    /// Its stored changes, the latest few (``RequestChanges/bufferedChanges``) when the reader is slow.
    let updates: AsyncStream<MessageRequest>
    /// Ends ``updates``; the subscription goes with it.
    public let end: @Sendable () -> Void
    /// What ``updates`` shows: every change, or only final states.
    public let target: WaitTarget
}
