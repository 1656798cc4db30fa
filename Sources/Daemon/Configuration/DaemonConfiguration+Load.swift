extension DaemonConfiguration {
    /// Reads and validates the configuration from `sources`: command-line flags override environment variables,
    /// which override the YAML file, which overrides the defaults.
    ///
    /// - Flags are the key path in dash-case, components joined by `-`, after `--`: `--api-socket-path /x`,
    ///   `--ucwa-event-timeout=300s`, `--dispatch-retry-max-delay 10m`; lists take several values or commas
    ///   (`--api-allowed-uids 1000 1001`). `--config PATH` names the file.
    /// - Environment variables are `UCWA_BRIDGE_` plus the key path in upper case joined by `_`:
    ///   `UCWA_BRIDGE_API_SOCKETPATH`, `UCWA_BRIDGE_UCWA_EVENTTIMEOUT`; lists are comma-separated.
    /// - Durations are written like `180s`, `5m`, `1h30m` or `250ms` (see ``DurationText``).
    ///
    /// Secrets are never read: without `ucwa.passwordFile` and `ucwa.tokenFile`, a file named `password` or
    /// `token` in `$CREDENTIALS_DIRECTORY` (from `sources.environment`) is used by path, and no secret file needs
    /// to exist yet. An unknown key in the file is refused, so that a typo cannot pass silently.
    ///
    /// - Parameters:
    ///   - sources: The file, environment and command line to read.
    ///   - requiresCredentials: Whether the UCWA account must be configured: where discovery starts
    ///     (`ucwa.discoveryURL` or `ucwa.signInAddress`) and the secret file. `false` for `--demo`, which brings
    ///     its own server; whatever is configured is still checked.
    /// - Throws: ``ConfigurationError`` naming the first key that is missing or wrong, and where it came from.
    public static func load(
        from sources: ConfigurationSources,
        requiresCredentials: Bool = true
    ) async throws(ConfigurationError) -> DaemonConfiguration {
        let layers = try await LayeredConfiguration.open(sources)
        if let file = layers.file {
            try await layers.refuseUnknownFileKeys(file: file)
        }
        return DaemonConfiguration(
            ucwa: try await .load(from: layers, requiresCredentials: requiresCredentials),
            api: try await .load(from: layers),
            state: try await .load(from: layers),
            dispatch: try await .load(from: layers),
            log: try await .load(from: layers)
        )
    }
}
