import LocalAPI
import Logging

/// The daemon's logging set-up: one ``LogLevelSwitch`` for every logger, journald or standard error as
/// `log.target` says (see ``LogDestination/resolve(_:standardErrorIsJournal:)``), and the API peer's credentials
/// (``PeerLogMetadata``) on every line logged while one of its requests is served.
public enum DaemonLogging {
    /// The `SYSLOG_IDENTIFIER` of the daemon's journal entries.
    public static let identifier = "ucwa-bridged"

    /// Bootstraps swift-log for the process (once per process, as swift-log requires) and answers the switch that
    /// sets the level of every logger; a reload sets it to a new `log.level`. A new `log.target` takes a restart.
    public static func bootstrap(
        _ settings: DaemonConfiguration.LogSettings,
        identifier: String = DaemonLogging.identifier
    ) -> LogLevelSwitch {
        let levels = LogLevelSwitch(settings.level)
        let destination = LogDestination.resolve(settings.target)
        LoggingSystem.bootstrap(
            { label, provider in
                handler(
                    label: label,
                    destination: destination,
                    levels: levels,
                    identifier: identifier,
                    provider: provider
                )
            },
            metadataProvider: PeerLogMetadata.provider
        )
        return levels
    }

    /// The handler of the logger `label`: ``JournalLogHandler`` or swift-log's `StreamLogHandler` on standard
    /// error, its level following `levels`.
    public static func handler(
        label: String,
        destination: LogDestination,
        levels: LogLevelSwitch,
        identifier: String = DaemonLogging.identifier,
        provider: Logger.MetadataProvider? = nil
    ) -> LevelSwitchedLogHandler {
        let writer: any LogHandler =
            switch destination {
            case .journal:
                JournalLogHandler(label: label, identifier: identifier, metadataProvider: provider)
            case .standardError:
                StreamLogHandler.standardError(label: label, metadataProvider: provider)
            }
        return LevelSwitchedLogHandler(writer, levels: levels)
    }
}
