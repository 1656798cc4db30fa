import Logging
import Synchronization

/// The daemon's least severe logged level, shared by every log handler and changeable while running.
///
/// Handlers read it on each call instead of keeping their own copy, so that a SIGHUP reload that changes
/// `log.level` takes effect at once for every logger already made.
public final class LogLevelSwitch: Sendable {
    private let current: Mutex<Logger.Level>

    /// Creates a switch set to `level`.
    public init(_ level: Logger.Level) {
        current = Mutex(level)
    }

    /// The level now in force.
    public var level: Logger.Level {
        current.withLock { $0 }
    }

    /// Changes the level for every handler that reads this switch.
    public func set(_ level: Logger.Level) {
        current.withLock { $0 = level }
    }
}
