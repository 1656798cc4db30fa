import Synchronization

/// Shows every stored change of a request to whoever waits for it (the API's `?wait=`).
///
/// ``publish(_:)`` is called after the change is stored; a subscriber registered before it reads the stored row
/// sees every later change, so that no change falls between the read and the wait.
public final class RequestChanges: Sendable {
    private struct Subscribers {
        var next: UInt64 = 0
        var byRequest: [RequestID: [UInt64: AsyncStream<MessageRequest>.Continuation]] = [:]
    }

    private let subscribers = Mutex(Subscribers())

    /// How many unread changes a subscription keeps: more than one run of a request makes (a handful of states).
    static let bufferedChanges = 16

    public init() {}

    /// The changes of one request from now on, the latest few when the reader is slow, and `end`, which finishes them
    /// from outside (a wait's time-out). The subscription is removed when the stream ends or its reader stops.
    ///
    /// More than one change is kept because changes may be published out of order: a new request's `accepted` after
    /// the dispatcher's `dispatching` when an admission pass took it in between. A reader filters by `updatedAt`.
    public func subscription(to id: RequestID) -> (changes: AsyncStream<MessageRequest>, end: @Sendable () -> Void) {
        let (stream, continuation) = AsyncStream.makeStream(
            of: MessageRequest.self,
            bufferingPolicy: .bufferingNewest(Self.bufferedChanges)
        )
        let key = subscribers.withLock { state in
            state.next += 1
            state.byRequest[id, default: [:]][state.next] = continuation
            return state.next
        }
        continuation.onTermination = { [weak self] _ in
            self?.unsubscribe(id, key: key)
        }
        return (stream, { continuation.finish() })
    }

    /// Tells the subscribers of `request.id` about its stored state.
    public func publish(_ request: MessageRequest) {
        let continuations = subscribers.withLock { Array(($0.byRequest[request.id] ?? [:]).values) }
        for continuation in continuations {
            continuation.yield(request)
        }
    }

    /// How many subscriptions are open (for tests and health).
    public var subscriptionCount: Int {
        subscribers.withLock { $0.byRequest.values.reduce(0) { $0 + $1.count } }
    }

    private func unsubscribe(_ id: RequestID, key: UInt64) {
        subscribers.withLock { state in
            state.byRequest[id]?[key] = nil
            if state.byRequest[id]?.isEmpty == true {
                state.byRequest[id] = nil
            }
        }
    }
}
