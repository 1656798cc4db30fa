/// Faults that the process tests inject into a running daemon to prove that supervision works, armed only by the
/// environment variable `UCWA_BRIDGE_TEST_FAULTS` (comma-separated names). No configuration file, flag or systemd
/// unit of the project sets it, and an unknown name arms nothing, so production never runs with a fault armed by
/// accident.
///
/// - `wedge-event-loop-on-sigusr2`: SIGUSR2 makes the first NIO event loop run a task that blocks its thread for
///   good, as a deadlock in a channel handler would. The watchdog's probe then gets no answer from that loop and
///   `WATCHDOG=1` stops; the daemon can no longer shut down cleanly and must be killed (by systemd, or the test).
///   Without the fault, SIGUSR2 keeps its default action.
struct TestFaults: Sendable, Hashable {
    /// The environment variable that arms faults.
    static let environmentVariable = "UCWA_BRIDGE_TEST_FAULTS"
    /// The name of the event-loop wedge.
    static let wedgeEventLoopOnSIGUSR2Name = "wedge-event-loop-on-sigusr2"

    /// SIGUSR2 wedges an event loop.
    var wedgeEventLoopOnSIGUSR2 = false

    /// No fault armed.
    init() {}

    /// The faults `environment` arms.
    init(environment: [String: String]) {
        let names = (environment[Self.environmentVariable] ?? "")
            .split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
        wedgeEventLoopOnSIGUSR2 = names.contains(Self.wedgeEventLoopOnSIGUSR2Name)
    }

    /// Whether any fault is armed.
    var isArmed: Bool { wedgeEventLoopOnSIGUSR2 }
}
