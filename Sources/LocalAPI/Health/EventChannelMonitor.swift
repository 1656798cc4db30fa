import Foundation
import Synchronization
import UCWA

/// Follows the daemon's event channel for health and metrics: its state, when events last came, and how often it
/// reconnected (a P-GET parked again after a back-off or a lost application, or a new channel replacing an ended
/// one).
///
/// Call ``watch(_:)`` with each channel the daemon attaches to the dispatcher.
public final class EventChannelMonitor: Sendable {
    private struct State {
        var channel: EventChannel?
        var generation: UInt64 = 0
        var reconnects = 0
        var follower: Task<Void, Never>?
        var nextWatcher: UInt64 = 0
        var watchers: [UInt64: AsyncStream<Int>.Continuation] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    deinit {
        state.withLock { $0.follower?.cancel() }
    }

    /// Makes `channel` the one reported; a replacement counts as a reconnect.
    public func watch(_ channel: EventChannel) {
        let generation = state.withLock { state -> UInt64 in
            state.follower?.cancel()
            if state.channel != nil {
                increment(&state)
            }
            state.channel = channel
            state.generation += 1
            return state.generation
        }
        let follower = Task { [weak self] in
            var recovering = false
            for await channelState in channel.stateChanges() {
                switch channelState {
                case .backingOff, .applicationLost:
                    recovering = true
                case .parked where recovering:
                    recovering = false
                    self?.countReconnect(generation: generation)
                default:
                    break
                }
            }
        }
        state.withLock { state in
            if state.generation == generation {
                state.follower = follower
            } else {
                follower.cancel()
            }
        }
    }

    /// Stops following the channel (the counts stay).
    public func stop() {
        state.withLock { $0.follower?.cancel() }
    }

    /// The channel's state, its last event time and the reconnects so far; `nil` state before ``watch(_:)``.
    public var snapshot: (state: EventChannelState?, lastEventAt: Date?, reconnects: Int) {
        let (channel, reconnects) = state.withLock { ($0.channel, $0.reconnects) }
        return (channel?.state, channel?.lastEventResponseAt, reconnects)
    }

    /// Reconnects so far.
    public var reconnects: Int {
        state.withLock { $0.reconnects }
    }

    /// The reconnect count now, then after each change (newest only).
    func reconnectUpdates() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        let key = state.withLock { state -> UInt64 in
            state.nextWatcher += 1
            state.watchers[state.nextWatcher] = continuation
            continuation.yield(state.reconnects)
            return state.nextWatcher
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.watchers.removeValue(forKey: key) }
        }
        return stream
    }

    private func countReconnect(generation: UInt64) {
        state.withLock { state in
            guard state.generation == generation else { return }
            increment(&state)
        }
    }

    private func increment(_ state: inout State) {
        state.reconnects += 1
        for watcher in state.watchers.values {
            watcher.yield(state.reconnects)
        }
    }
}

extension EventChannelState {
    /// The state's name as the API reports it: `connecting`, `parked`, `backingOff`, `applicationLost`,
    /// `foreignOwner`, `failed` or `stopped`.
    var apiName: String {
        switch self {
        case .connecting: "connecting"
        case .parked: "parked"
        case .backingOff: "backingOff"
        case .applicationLost: "applicationLost"
        case .foreignOwner: "foreignOwner"
        case .failed: "failed"
        case .stopped: "stopped"
        }
    }
}
