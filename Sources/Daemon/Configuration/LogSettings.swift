import Logging

extension DaemonConfiguration {
    /// The `log` section.
    public struct LogSettings: Sendable, Equatable {
        /// `log.level`: the least severe level logged, one of swift-log's; default `info`.
        public var level: Logger.Level
        /// `log.target`: `auto`, `journal` or `stderr`; default `auto`.
        public var target: LogTarget

        /// Creates the section; the defaults are the documented ones.
        public init(level: Logger.Level = .info, target: LogTarget = .auto) {
            self.level = level
            self.target = target
        }
    }
}
