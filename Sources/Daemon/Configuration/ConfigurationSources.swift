import Foundation

/// Where a configuration is read from: the YAML file, the environment and the command line, each injectable so
/// that tests never touch the process's own.
///
/// The file is ``configFile`` when set, else the value of `--config` in ``arguments``, else
/// ``defaultConfigFile``. A missing file is an error when it was named (by ``configFile`` or `--config`) and
/// means "no file" at the default path.
public struct ConfigurationSources: Sendable {
    /// The file read when none is named: `/etc/ucwa-bridge/config.yaml`.
    public static let standardConfigFile = "/etc/ucwa-bridge/config.yaml"

    /// The command line as `CommandLine.arguments` gives it: the program name first, then flags such as
    /// `--api-socket-path /run/x.sock` or `--dispatch-concurrency=4` (key path components in dash-case, joined
    /// by `-`). Arguments that are not flags of configuration keys are ignored.
    public var arguments: [String]
    /// The environment: `UCWA_BRIDGE_` plus the key path in upper case joined by `_` (`UCWA_BRIDGE_API_SOCKETPATH`),
    /// and `CREDENTIALS_DIRECTORY` as systemd sets it.
    public var environment: [String: String]
    /// An explicitly named configuration file, which must exist; `nil` to look at `--config`, then the default.
    public var configFile: String?
    /// The file read when none is named; it may be missing.
    public var defaultConfigFile: String

    /// Creates sources; by default, no arguments, no environment and the standard file.
    public init(
        arguments: [String] = [],
        environment: [String: String] = [:],
        configFile: String? = nil,
        defaultConfigFile: String = ConfigurationSources.standardConfigFile
    ) {
        self.arguments = arguments
        self.environment = environment
        self.configFile = configFile
        self.defaultConfigFile = defaultConfigFile
    }

    /// The process's own command line and environment, with the standard default file.
    public static func process() -> ConfigurationSources {
        ConfigurationSources(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)
    }
}
