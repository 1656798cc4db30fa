import Foundation

@testable import Daemon

/// Loads configurations from a temporary directory, never from the process's environment, command line or
/// `/etc`: the default file is a path in the directory that does not exist unless a test writes it.
struct ConfigurationFixture: ~Copyable {
    let directory: TemporaryDirectory

    /// A minimal valid account, as environment variables.
    static let accountEnvironment = [
        "UCWA_BRIDGE_UCWA_DISCOVERYURL": "https://lyncdiscover.contoso.com",
        "UCWA_BRIDGE_UCWA_USERNAME": "bridge@contoso.com",
        "UCWA_BRIDGE_UCWA_PASSWORDFILE": "/run/credentials/ucwa-bridged.service/password",
    ]

    /// A minimal valid account, as YAML.
    static let accountYAML = """
        ucwa:
          discoveryURL: https://lyncdiscover.contoso.com
          username: bridge@contoso.com
          passwordFile: /run/credentials/ucwa-bridged.service/password

        """

    init(_ purpose: String = #function) throws {
        directory = try TemporaryDirectory(purpose)
    }

    /// The default file's path (written by ``writeDefaultFile(_:)``).
    var defaultFile: String { directory.path("default-config.yaml") }

    /// Writes the default file.
    @discardableResult
    func writeDefaultFile(_ yaml: String) throws -> String {
        try directory.write(yaml, to: "default-config.yaml")
    }

    /// Sources over this directory's default file.
    func sources(
        arguments: [String] = [],
        environment: [String: String] = [:],
        configFile: String? = nil
    ) -> ConfigurationSources {
        ConfigurationSources(
            arguments: ["ucwa-bridged"] + arguments,
            environment: environment,
            configFile: configFile,
            defaultConfigFile: defaultFile
        )
    }

    /// Loads from this directory's sources.
    func load(
        arguments: [String] = [],
        environment: [String: String] = [:],
        configFile: String? = nil,
        requiresCredentials: Bool = true
    ) async throws(ConfigurationError) -> DaemonConfiguration {
        try await DaemonConfiguration.load(
            from: sources(arguments: arguments, environment: environment, configFile: configFile),
            requiresCredentials: requiresCredentials
        )
    }

    /// The refusal of loading from these sources, or `nil` if they load.
    func refusal(
        arguments: [String] = [],
        environment: [String: String] = [:],
        configFile: String? = nil,
        requiresCredentials: Bool = true
    ) async -> ConfigurationError? {
        do {
            _ = try await load(
                arguments: arguments,
                environment: environment,
                configFile: configFile,
                requiresCredentials: requiresCredentials
            )
            return nil
        } catch {
            return error
        }
    }
}
