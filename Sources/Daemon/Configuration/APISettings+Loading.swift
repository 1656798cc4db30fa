extension DaemonConfiguration.APISettings {
    /// The largest `api.maxMessageBytes` accepted: 1 MiB.
    static let messageBytesRange = 1...1_048_576
    /// The longest Unix socket path: `sun_path` holds 108 bytes, the terminating NUL included.
    static let socketPathLimit = 107
    /// The longest `api.maxWait` accepted.
    static let longestWait: Duration = .seconds(3600)

    /// Reads and checks the `api` section.
    static func load(from layers: LayeredConfiguration) async throws(ConfigurationError) -> Self {
        var settings = Self()
        if let socketPath = try await layers.string("api.socketPath") {
            settings.socketPath = try ConfigurationRules.absolutePath(socketPath, key: "api.socketPath")
            guard socketPath.value.utf8.count <= socketPathLimit else {
                throw socketPath.refused(
                    "api.socketPath",
                    "must be at most \(socketPathLimit) bytes long (the limit of a Unix socket address)"
                )
            }
        }
        if let socketGroup = try await layers.string("api.socketGroup") {
            settings.socketGroup = socketGroup.value
        }
        if let uids = try await layers.intArray("api.allowedUIDs") {
            settings.allowedUIDs = try ConfigurationRules.ids(uids, key: "api.allowedUIDs")
        }
        if let gids = try await layers.intArray("api.allowedGIDs") {
            settings.allowedGIDs = try ConfigurationRules.ids(gids, key: "api.allowedGIDs")
        }
        if let maxMessageBytes = try await layers.int("api.maxMessageBytes") {
            settings.maxMessageBytes = try ConfigurationRules.within(
                maxMessageBytes,
                messageBytesRange,
                key: "api.maxMessageBytes"
            )
        }
        if let maxWait = try await layers.duration("api.maxWait") {
            settings.maxWait = try ConfigurationRules.positive(maxWait, key: "api.maxWait")
            guard maxWait.value <= longestWait else {
                throw maxWait.refused("api.maxWait", "must be at most 1h, but is \(DurationText.format(maxWait.value))")
            }
        }
        return settings
    }
}
