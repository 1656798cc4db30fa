/// A ``RequestJournal`` in memory, for tests and for `--demo`: the latest copy of each request and every record in
/// the order it was made.
public actor InMemoryRequestJournal: RequestJournal {
    /// Every record, oldest first.
    public private(set) var history: [MessageRequest] = []
    private var latest: [RequestID: MessageRequest] = [:]
    private var failuresToInject = 0
    private var failuresByState: [RequestState: Int] = [:]

    public init() {}

    public func record(_ request: MessageRequest) async throws {
        if failuresToInject > 0 {
            failuresToInject -= 1
            throw JournalUnavailable()
        }
        if let failures = failuresByState[request.state], failures > 0 {
            failuresByState[request.state] = failures - 1
            throw JournalUnavailable()
        }
        history.append(request)
        latest[request.id] = request
    }

    /// The last stored copy of `id`.
    public func request(_ id: RequestID) -> MessageRequest? {
        latest[id]
    }

    /// Every stored copy of `id`, oldest first.
    public func history(of id: RequestID) -> [MessageRequest] {
        history.filter { $0.id == id }
    }

    /// The states `id` went through, in order.
    public func states(of id: RequestID) -> [RequestState] {
        history(of: id).map(\.state)
    }

    /// Makes the next `count` records fail, as a full disk or a locked database would.
    public func failNextRecords(_ count: Int) {
        failuresToInject = count
    }

    /// Makes the next `count` records of a request in `state` fail; records in other states are kept.
    public func failNextRecords(_ count: Int, in state: RequestState) {
        failuresByState[state] = count
    }
}

/// The in-memory journal's injected failure.
public struct JournalUnavailable: Error, Hashable, Sendable, CustomStringConvertible {
    public init() {}
    public var description: String { "the request journal is unavailable (injected)" }
}
