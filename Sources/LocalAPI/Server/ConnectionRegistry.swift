import NIOCore
import Synchronization

/// The open connections of a server, to end them when it stops: idle ones at once, busy ones after their answer
/// (`ChannelShouldQuiesceEvent`, which Hummingbird's HTTP/1 handler honours), any left after a grace period by force.
final class ConnectionRegistry: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var quiescing = false
        var forcing: Task<Void, Never>?
    }

    private let state = Mutex(State())

    /// Adds a connection until it closes; one added while stopping is asked to quiesce at once.
    func add(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        let quiescing = state.withLock { state -> Bool in
            state.channels[key] = channel
            return state.quiescing
        }
        channel.closeFuture.whenComplete { [weak self] _ in
            self?.state.withLock { _ = $0.channels.removeValue(forKey: key) }
        }
        if quiescing {
            Self.quiesce(channel)
        }
    }

    /// Asks every connection to close once it has answered; after `grace`, closes what is still open and calls
    /// `force` (which cancels what still runs).
    func quiesce(forcingAfter grace: Duration, force: @escaping @Sendable () -> Void) {
        let forcing = Task { [weak self] in
            do {
                try await Task.sleep(for: grace)
            } catch {
                return
            }
            self?.closeAll()
            force()
        }
        let channels = state.withLock { state -> [any Channel] in
            state.quiescing = true
            state.forcing?.cancel()
            state.forcing = forcing
            return Array(state.channels.values)
        }
        for channel in channels {
            Self.quiesce(channel)
        }
    }

    /// Stops the grace timer (every connection has ended).
    func finish() {
        state.withLock { $0.forcing?.cancel() }
    }

    private func closeAll() {
        let channels = state.withLock { Array($0.channels.values) }
        for channel in channels {
            channel.close(promise: nil)
        }
    }

    private static func quiesce(_ channel: any Channel) {
        channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
    }
}
