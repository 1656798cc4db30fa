extension DaemonConfiguration.StateSettings {
    /// Reads and checks the `state` section.
    static func load(from layers: LayeredConfiguration) async throws(ConfigurationError) -> Self {
        var settings = Self()
        if let directory = try await layers.string("state.directory") {
            settings.directory = try ConfigurationRules.absolutePath(directory, key: "state.directory")
        }
        return settings
    }
}
