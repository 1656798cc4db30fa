import Bridge
import Synchronization

/// Where the dispatcher and the queue live once the UCWA application is open, together with the configuration in
/// force for their live keys (`dispatch.*`), so that a reload and the building of the session never miss each other.
///
/// Contract:
/// - ``install(_:)`` builds the parts from the configuration in force and makes them current in one step, under the
///   slot's lock: a reload recorded before it is built in; a reload recorded after it finds the parts and applies
///   to them.
/// - ``adopt(_:)`` records the configuration a reload put in force and returns the parts to apply it to, `nil`
///   while there are none (the configuration then only waits for ``install(_:)``).
/// - The parts are installed once.
final class SessionSlot: Sendable {
    /// What a reload changes in the session, and what the watchdog and the status line look at.
    struct Parts: Sendable {
        let dispatcher: Dispatcher
        let queue: MessageQueue
    }

    private struct State {
        var configuration: DaemonConfiguration
        var parts: Parts?
    }

    private let state: Mutex<State>

    /// An empty slot; `configuration` is in force until a reload records another.
    init(configuration: DaemonConfiguration) {
        state = Mutex(State(configuration: configuration, parts: nil))
    }

    /// The dispatcher and the queue, once installed.
    var parts: Parts? {
        state.withLock { $0.parts }
    }

    /// The configuration in force for the live keys.
    var configuration: DaemonConfiguration {
        state.withLock { $0.configuration }
    }

    /// Builds the parts with `build` from the configuration in force, installs them and returns them; `build` runs
    /// under the slot's lock, so it must be quick and must not call the slot.
    ///
    /// - Throws: what `build` throws; nothing is installed then.
    func install(_ build: (DaemonConfiguration) throws -> Parts) throws -> Parts {
        try state.withLock { state in
            precondition(state.parts == nil, "SessionSlot.install(_:) may be called only once")
            let parts = try build(state.configuration)
            state.parts = parts
            return parts
        }
    }

    /// Records `configuration` as in force and returns the parts it must be applied to, if there are any yet.
    func adopt(_ configuration: DaemonConfiguration) -> Parts? {
        state.withLock { state in
            state.configuration = configuration
            return state.parts
        }
    }
}
