import UCWA

/// What a request's run waits for while an attempt is out: progress from the event channel, a channel reset, or
/// one of its timers. All arrive on one stream per request, in order.
enum RequestSignal: Sendable {
    /// An event about the operation of attempt `operationID`.
    case progress(OperationID, OperationProgress)
    /// The event channel was reset while attempt `operationID` was in flight: its events may never come.
    case channelReset(OperationID, ChannelReset)
    /// The timer with this token fired.
    case timerFired(UInt64)
}

/// Why requests awaiting events became ambiguous.
public enum ChannelReset: String, Sendable, Hashable {
    /// The channel answered `resume`: the server dropped pending operations.
    case resumed
    /// The channel answered `resync`.
    case resynced
    /// The application was lost and created again.
    case applicationRecreated
    /// The channel ended (another process owns the application, or it failed for good).
    case channelEnded
}
