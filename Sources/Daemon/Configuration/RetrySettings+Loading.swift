extension DaemonConfiguration.DispatchSettings.RetrySettings {
    /// Reads and checks the `dispatch.retry` section.
    static func load(from layers: LayeredConfiguration) async throws(ConfigurationError) -> Self {
        var settings = Self()
        if let initialDelay = try await layers.duration("dispatch.retry.initialDelay") {
            settings.initialDelay = try ConfigurationRules.positive(initialDelay, key: "dispatch.retry.initialDelay")
        }
        if let multiplier = try await layers.double("dispatch.retry.multiplier") {
            guard multiplier.value.isFinite, multiplier.value >= 1 else {
                throw multiplier.refused(
                    "dispatch.retry.multiplier",
                    "must be a number of at least 1 (delays never shrink), but is \(multiplier.value)"
                )
            }
            settings.multiplier = multiplier.value
        }
        let maxDelay = try await layers.duration("dispatch.retry.maxDelay")
        if let maxDelay {
            settings.maxDelay = maxDelay.value
        }
        guard settings.maxDelay >= settings.initialDelay else {
            let initialDelay = DurationText.format(settings.initialDelay)
            throw ConfigurationError(
                key: "dispatch.retry.maxDelay",
                problem: "must not be shorter than dispatch.retry.initialDelay (\(initialDelay)), "
                    + "but is \(DurationText.format(settings.maxDelay))",
                source: maxDelay?.source ?? ConfigurationError.unknownSource
            )
        }
        if let deadline = try await layers.duration("dispatch.retry.deadline") {
            settings.deadline = try ConfigurationRules.positive(deadline, key: "dispatch.retry.deadline")
        }
        return settings
    }
}
