import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration on each SIGHUP until the daemon shuts down (see ``ConfigurationReload``).
///
/// Reloads run one at a time, in order: a SIGHUP that comes during a reload is handled once it is done. SIGHUP is
/// trapped from ``trapHangUps()`` on, so that one arriving during start-up waits, instead of ending the process,
/// until the daemon is ready (a reload ends with `READY=1`, which must not come before the start-up's); after the
/// service ended, a SIGHUP is trapped and ignored.
struct ConfigurationReloader: Service, CustomStringConvertible {
    var description: String { "ConfigurationReloader" }

    /// The SIGHUPs, from ``trapHangUps()``.
    let hangUps: UnixSignalsSequence
    let reload: ConfigurationReload
    /// Returns once the daemon is ready (`true`), or never will be (`false`, and no reload happens).
    let ready: @Sendable () async -> Bool
    /// The configuration the daemon started with.
    let initial: DaemonConfiguration

    /// Traps SIGHUP now: from here on it no longer ends the process, and the reloader sees it once it runs.
    static func trapHangUps() async -> UnixSignalsSequence {
        await UnixSignalsSequence(trapping: .sighup)
    }

    func run() async {
        guard await ready() else { return }
        var running = initial
        // One reload per SIGHUP, in order; ends at the graceful shutdown.
        for await _ in hangUps.cancelOnGracefulShutdown() {
            running = await reload.perform(running: running).inForce(before: running)
        }
    }
}
