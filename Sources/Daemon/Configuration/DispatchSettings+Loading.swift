extension DaemonConfiguration.DispatchSettings {
    /// The concurrency UCWA tolerates: it refuses more than 100 outstanding requests per user.
    static let concurrencyRange = 1...100

    /// Reads and checks the `dispatch` section, `dispatch.retry` included.
    static func load(from layers: LayeredConfiguration) async throws(ConfigurationError) -> Self {
        var settings = Self()
        if let concurrency = try await layers.int("dispatch.concurrency") {
            settings.concurrency = try ConfigurationRules.within(
                concurrency,
                concurrencyRange,
                key: "dispatch.concurrency",
                why: "UCWA refuses more than 100 outstanding requests per user"
            )
        }
        if let maxAttempts = try await layers.int("dispatch.maxAttempts") {
            guard maxAttempts.value >= 1 else {
                throw maxAttempts.refused("dispatch.maxAttempts", "must be at least 1, but is \(maxAttempts.value)")
            }
            settings.maxAttempts = maxAttempts.value
        }
        if let retention = try await layers.duration("dispatch.retention") {
            // DurationText refuses negative durations, so every retention (zero included) is acceptable.
            settings.retention = retention.value
        }
        settings.retry = try await .load(from: layers)
        return settings
    }
}
