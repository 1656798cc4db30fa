import UCWA

/// What an event said about one of our operations.
public enum OperationProgress: Sendable, Hashable {
    /// The operation began (`started`); the invitation href when the event names it.
    case started(invitation: ResolvedHref?)
    /// The operation's resource changed (`updated`), e.g. its invitation state.
    case updated(state: InvitationState?)
    /// The operation ended (`completed`), successfully or not.
    case completed(OperationOutcome)
}

/// How an operation ended, as its `completed` event tells.
public enum OperationOutcome: Sendable, Hashable {
    /// `status` was `Success` (compared case-insensitively).
    case succeeded
    /// Any other `status`, or none; the event's `reason` when it had one.
    case failed(ErrorReason?)
}

/// One piece of progress, attributed to the operation it belongs to.
public struct OperationUpdate: Sendable, Hashable {
    public var operationID: OperationID
    public var progress: OperationProgress

    public init(operationID: OperationID, progress: OperationProgress) {
        self.operationID = operationID
        self.progress = progress
    }
}
