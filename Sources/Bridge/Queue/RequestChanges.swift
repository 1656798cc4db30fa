import Synchronization

/// Shows every stored change of a request to whoever waits for it (the API's `?wait=`).
///
/// ``publish(_:)`` is called after the change is stored; a subscriber registered before it reads the stored row
/// sees every later change, so that no change falls between the read and the wait.
public final class RequestChanges: Sendable {
    private struct Subscribers {
        var next: UInt64 = 0
        var byRequest: [RequestID: [UInt64: Subscriber]] = [:]
        var awaited: [(key: UInt64, id: RequestID, count: Int, continuation: CheckedContinuation<Void, Never>)] = []

        /// Takes out the waits of `id` that its subscriptions now satisfy.
        mutating func satisfiedWaits(of id: RequestID) -> [CheckedContinuation<Void, Never>] {
            let open = byRequest[id]?.count ?? 0
            var satisfied: [CheckedContinuation<Void, Never>] = []
            awaited.removeAll { wait in
                guard wait.id == id, wait.count <= open else { return false }
                satisfied.append(wait.continuation)
                return true
            }
            return satisfied
        }
    }

    /// One subscription's stream, and whether it takes only final states.
    private struct Subscriber {
        var continuation: AsyncStream<MessageRequest>.Continuation
        var target: WaitTarget

        func wants(_ request: MessageRequest) -> Bool {
            target == .change || request.state.isTerminal
        }
    }

    private let subscribers = Mutex(Subscribers())

    /// How many unread changes a subscription keeps: more than one run of a request makes (a handful of states).
    static let bufferedChanges = 16

    public init() {}

    /// The changes of one request from now on, the latest few when the reader is slow, and `end`, which finishes them
    /// from outside (a wait's time-out). The subscription is removed when the stream ends or its reader stops.
    ///
    /// With `target` ``WaitTarget/final`` only final states are shown: a wait for the outcome is not woken for each
    /// step on the way. More than one change is kept because changes may be published out of order: a new request's
    /// `accepted` after the dispatcher's `dispatching` when an admission pass took it in between. A reader filters by
    /// `updatedAt`.
    public func subscription(
        to id: RequestID,
        until target: WaitTarget = .change
    ) -> (changes: AsyncStream<MessageRequest>, end: @Sendable () -> Void) {
        let (stream, continuation) = AsyncStream.makeStream(
            of: MessageRequest.self,
            bufferingPolicy: .bufferingNewest(Self.bufferedChanges)
        )
        let (key, satisfied) = subscribers.withLock { state in
            state.next += 1
            state.byRequest[id, default: [:]][state.next] = Subscriber(continuation: continuation, target: target)
            return (state.next, state.satisfiedWaits(of: id))
        }
        for waiter in satisfied {
            waiter.resume()
        }
        continuation.onTermination = { [weak self] _ in
            self?.unsubscribe(id, key: key)
        }
        return (stream, { continuation.finish() })
    }

    /// Tells the subscribers of `request.id` that want it about its stored state.
    public func publish(_ request: MessageRequest) {
        let continuations = subscribers.withLock { state in
            (state.byRequest[request.id] ?? [:]).values.compactMap { $0.wants(request) ? $0.continuation : nil }
        }
        for continuation in continuations {
            continuation.yield(request)
        }
    }

    /// How many subscriptions are open (for tests and health).
    public var subscriptionCount: Int {
        subscribers.withLock { $0.byRequest.values.reduce(0) { $0 + $1.count } }
    }

    /// Returns once `id` has at least `count` open subscriptions (a held answer has begun to wait), or once the
    /// calling task is cancelled. For tests, which must not change a request before the wait they check is in place.
    public func subscriptions(to id: RequestID, atLeast count: Int) async {
        let key = subscribers.withLock { state in
            state.next += 1
            return state.next
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let isSatisfied = subscribers.withLock { state in
                    guard !Task.isCancelled, state.byRequest[id]?.count ?? 0 < count else { return true }
                    state.awaited.append((key, id, count, continuation))
                    return false
                }
                if isSatisfied {
                    continuation.resume()
                }
            }
        } onCancel: {
            let cancelled = subscribers.withLock { state in
                let index = state.awaited.firstIndex { $0.key == key }
                return index.map { state.awaited.remove(at: $0).continuation }
            }
            cancelled?.resume()
        }
    }

    /// How many ``subscriptions(to:atLeast:)`` wait.
    var pendingSubscriptionWaits: Int {
        subscribers.withLock { $0.awaited.count }
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
