import NIOCore

/// An action waiting for an instant on the simulator clock; once cancelled it does not run
/// (unless it already started).
struct SimulatorTimer: Sendable {
    private enum Backing: Sendable {
        /// A task sleeping on the injected clock.
        case task(Task<Void, Never>)
        /// A timer on an event loop, when the clock is `ContinuousClock`.
        case scheduled(Scheduled<Void>)
    }

    private let backing: Backing

    init(task: Task<Void, Never>) {
        backing = .task(task)
    }

    init(scheduled: Scheduled<Void>) {
        backing = .scheduled(scheduled)
    }

    func cancel() {
        switch backing {
        case .task(let task): task.cancel()
        case .scheduled(let scheduled): scheduled.cancel()
        }
    }
}
