import Bridge
import Logging
import Systemd

/// One configuration reload, as SIGHUP asks for it: `RELOADING=1`, read the configuration again, apply what can
/// change while running, report the rest, `READY=1`.
///
/// Contract:
/// - `RELOADING=1` with `MONOTONIC_USEC=` (CLOCK_MONOTONIC, which systemd 253 and later require for
///   `Type=notify-reload`; older ones ignore it) goes out first, `READY=1` with a `STATUS=` line last, whatever
///   happened in between, so that systemd always leaves the reloading state.
/// - A configuration that does not load (a YAML error, an unknown key, a bad value) is refused whole: an error names
///   the key, the problem and the source, and nothing changes.
/// - Otherwise the live keys are applied (``LiveSettings``), one notice lists the keys applied and one warning the
///   keys that need a restart. Only key names are logged, never values.
struct ConfigurationReload: Sendable {
    let loader: ConfigurationLoader
    let settings: LiveSettings
    let notifier: SystemdNotifier
    let logger: Logger

    /// Reloads against `running`, the configuration in force now, and says what happened.
    func perform(running: DaemonConfiguration) async -> ReloadOutcome {
        let started = MonotonicTime.microseconds()
        notify([.reloading(monotonicMicroseconds: started), .status("reloading the configuration")])
        logger.info("reloading the configuration")
        let outcome: ReloadOutcome
        do throws(ConfigurationError) {
            let loaded = try await loader.load()
            let change = ConfigurationChange(from: running, to: loaded)
            let retryPolicy = try change.inForce.retryPolicy()
            if !change.liveKeys.isEmpty {
                await settings.apply(change.inForce, retryPolicy: retryPolicy)
            }
            outcome = .applied(change)
        } catch {
            outcome = .refused(error)
        }
        report(outcome)
        notify([.ready, .status(outcome.status)])
        return outcome
    }

    private func report(_ outcome: ReloadOutcome) {
        switch outcome {
        case .refused(let error):
            logger.error(
                "configuration reload refused, the running configuration stays: \(error)",
                metadata: ["config-key": "\(error.key)", "config-source": "\(error.source)"]
            )
        case .applied(let change) where change.isEmpty:
            logger.notice("configuration reloaded: nothing changed")
        case .applied(let change):
            let applied = change.liveKeys.joined(separator: ", ")
            logger.notice(
                "configuration reloaded; applied: \(change.liveKeys.isEmpty ? "nothing" : applied)",
                metadata: ["config-keys": "\(applied)"]
            )
            if !change.restartKeys.isEmpty {
                let restart = change.restartKeys.joined(separator: ", ")
                logger.warning(
                    "configuration keys changed that take effect only after a restart: \(restart)",
                    metadata: ["config-keys": "\(restart)"]
                )
            }
        }
    }

    private func notify(_ states: [NotifyState]) {
        do {
            try notifier.notify(states)
        } catch {
            logger.warning("systemd was not told of the reload", metadata: ["error": "\(error)"])
        }
    }
}
