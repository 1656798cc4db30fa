/// Why waiting on the event channel ended without the state waited for.
public struct EventChannelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The channel's state when it ended.
    public var state: EventChannelState

    /// Creates an error.
    public init(state: EventChannelState) {
        self.state = state
    }

    public var description: String { "EventChannelError: the event channel ended in state \(state)" }
}
