/// A change of state the request state machine does not allow; a bug, never a user error.
public struct InvalidTransition: Error, Sendable, Hashable, CustomStringConvertible {
    public var from: RequestState
    public var to: RequestState

    public init(from: RequestState, to: RequestState) {
        self.from = from
        self.to = to
    }

    public var description: String {
        "a request cannot go from \(from.rawValue) to \(to.rawValue)"
    }
}
