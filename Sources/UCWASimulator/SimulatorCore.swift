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

    /// Looks an application up for `username`, removing it if it expired.
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
            guard found, var application = state.applications[id] else { return (nil, cancelled) }
            let result = body(&state, &application, now)
            if state.applications[id] != nil {
                state.applications[id] = application
            }
            return (result, cancelled)
        }
        for task in cancelled {
            task.cancel()
        }
        return result
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
