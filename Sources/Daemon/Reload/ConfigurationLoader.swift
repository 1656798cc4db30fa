/// How the daemon reads its configuration again on SIGHUP: the same sources, layered the same way, as at start-up.
///
/// ``init(sources:requiresCredentials:adjust:)`` is what `ucwa-bridged` uses: the file named at start (`--config`
/// or the default), the process's environment and its command-line flags, read again in full, so that a flag or an
/// environment variable still overrides the file after a reload exactly as it did at start.
public struct ConfigurationLoader: Sendable {
    private let body: @Sendable () async throws(ConfigurationError) -> DaemonConfiguration

    /// A loader that runs `body`.
    public init(_ body: @escaping @Sendable () async throws(ConfigurationError) -> DaemonConfiguration) {
        self.body = body
    }

    /// Loads from `sources` with ``DaemonConfiguration/load(from:requiresCredentials:)``, then passes the result
    /// through `adjust` (for `--demo`, which puts its own server, state directory and socket in).
    public init(
        sources: ConfigurationSources,
        requiresCredentials: Bool = true,
        adjust: @escaping @Sendable (DaemonConfiguration) -> DaemonConfiguration = { $0 }
    ) {
        self.init { () async throws(ConfigurationError) -> DaemonConfiguration in
            adjust(try await DaemonConfiguration.load(from: sources, requiresCredentials: requiresCredentials))
        }
    }

    /// A loader that always answers `configuration`: a reload then changes nothing. For daemons made without
    /// sources (embedders, tests).
    public static func unchanging(_ configuration: DaemonConfiguration) -> ConfigurationLoader {
        ConfigurationLoader { () async throws(ConfigurationError) -> DaemonConfiguration in configuration }
    }

    /// Reads and validates the configuration.
    ///
    /// - Throws: ``ConfigurationError`` naming the key, the problem and the source, as at start-up.
    public func load() async throws(ConfigurationError) -> DaemonConfiguration {
        try await body()
    }
}
