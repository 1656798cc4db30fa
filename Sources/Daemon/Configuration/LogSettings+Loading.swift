import Logging

extension DaemonConfiguration.LogSettings {
    /// Reads and checks the `log` section.
    static func load(from layers: LayeredConfiguration) async throws(ConfigurationError) -> Self {
        var settings = Self()
        if let level = try await layers.string("log.level") {
            guard let parsed = Logger.Level(rawValue: level.value.lowercased()) else {
                let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                throw level.refused("log.level", "must be one of \(levels), but is \"\(level.value)\"")
            }
            settings.level = parsed
        }
        if let target = try await layers.string("log.target") {
            guard let parsed = LogTarget(rawValue: target.value.lowercased()) else {
                throw target.refused("log.target", "must be auto, journal or stderr, but is \"\(target.value)\"")
            }
            settings.target = parsed
        }
        return settings
    }
}
