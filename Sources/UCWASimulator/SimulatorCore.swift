import Logging
import Synchronization

/// The simulated server behind the HTTP plumbing: configuration, clock, logger and the one lock
/// around `SimulatorState`. The endpoints are extensions of it, one file each.
final class SimulatorCore: Sendable {
    let configuration: SimulatorConfiguration
    let clock: SimulatorClock
    let logger: Logger
    let state: Mutex<SimulatorState>

    init(configuration: SimulatorConfiguration, clock: SimulatorClock, logger: Logger) {
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
        self.state = Mutex(SimulatorState(configuration: configuration))
    }

    var origin: String { state.withLock { $0.origin } }

    /// Looks an application up for `username`, removing it if it expired, and runs `body` on it.
    /// While `body` runs, the application is taken out of `state.applications` (so that it can be
    /// changed in place next to the rest of the state); it is put back afterwards.
    func withLiveApplication<R>(
        _ id: String,
        of username: String,
        _ body: (inout SimulatorState, inout SimulatedApplication, Duration) -> R
    ) -> R? {
        let now = clock.now
        let (result, cancelled) = state.withLock { state -> (R?, [Task<Void, Never>]) in
            let (found, cancelled) = state.liveApplication(
                id,
                of: username,
                now: now,
                expiry: configuration.applicationExpiry
            )
            guard found, var application = state.applications.remove(id) else { return (nil, cancelled) }
            let result = body(&state, &application, now)
            state.applications.insert(application)
            return (result, cancelled)
        }
        for task in cancelled {
            task.cancel()
        }
        return result
    }

    /// Removes a live application of `username` (DELETE); nil when there is none.
    func removeLiveApplication(_ id: String, of username: String) -> SimulatedApplication? {
        let now = clock.now
        let (removed, cancelled) = state.withLock { state -> (SimulatedApplication?, [Task<Void, Never>]) in
            let (found, cancelled) = state.liveApplication(
                id,
                of: username,
                now: now,
                expiry: configuration.applicationExpiry
            )
            return (found ? state.applications.remove(id) : nil, cancelled)
        }
        for task in cancelled {
            task.cancel()
        }
        return removed
    }

    /// Ends the application: its parked P-GET gets `answer`, its scripts are cancelled.
    func terminate(_ application: SimulatedApplication, parkedAnswer answer: ParkedPoll.Answer) {
        application.channel.parked?.release(with: answer)
        for task in application.scriptTasks.values {
            task.cancel()
        }
    }

    /// Releases every parked P-GET and cancels every script; new requests get 503.
    func shutdown() {
        let applications = state.withLock { state in
            state.shuttingDown = true
            let all = state.applications.ids.compactMap { state.applications.remove($0) }
            return all
        }
        for application in applications {
            terminate(application, parkedAnswer: .shuttingDown)
        }
    }
}
