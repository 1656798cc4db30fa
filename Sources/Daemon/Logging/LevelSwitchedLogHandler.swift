import Logging

/// Wraps a log handler so that its level is the daemon's ``LogLevelSwitch``: a reload that sets the switch changes
/// the level of every logger already made, whatever handler (journal or standard error) writes the records.
///
/// Setting ``logLevel`` on one logger pins that logger's level (swift-log's value semantics: no other logger
/// changes); it then no longer follows the switch.
public struct LevelSwitchedLogHandler: LogHandler {
    /// The handler that writes the records.
    public var wrapped: any LogHandler
    /// The shared level.
    public let levels: LogLevelSwitch
    private var pinned: Logger.Level?

    public init(_ wrapped: any LogHandler, levels: LogLevelSwitch) {
        self.wrapped = wrapped
        self.levels = levels
    }

    /// The switch's level, or the level set on this logger.
    public var logLevel: Logger.Level {
        get { pinned ?? levels.level }
        set { pinned = newValue }
    }

    public var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    public var metadataProvider: Logger.MetadataProvider? {
        get { wrapped.metadataProvider }
        set { wrapped.metadataProvider = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        wrapped.log(event: event)
    }
}
