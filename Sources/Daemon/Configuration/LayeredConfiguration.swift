import Configuration
import Foundation

/// The configuration's sources layered by the library: command-line flags over environment variables over the
/// YAML file; a key none of them sets is missing (and takes its default).
///
/// Reads are typed and fail with a ``ConfigurationError`` that names the key and the source of the bad value.
struct LayeredConfiguration: Sendable {
    /// The environment variable prefix; the key path follows in upper case, components joined by `_`.
    static let environmentPrefix = "UCWA_BRIDGE"

    private let reader: ConfigReader
    private let origins: ValueOriginRecorder
    /// The source names, in the order of the reader's providers.
    private let sourceNames: [String]
    /// The YAML file read, if any.
    let file: String?
    /// The keys the YAML file defines, in the file's order; empty without a file.
    let fileKeys: [String]
    /// The environment as given, for what is not a configuration key (`CREDENTIALS_DIRECTORY`).
    let environment: [String: String]

    /// Opens the sources: finds the file (see ``ConfigurationSources``) and parses it.
    ///
    /// - Throws: ``ConfigurationError`` with key `config` when a named file is missing or the file is not YAML.
    static func open(_ sources: ConfigurationSources) async throws(ConfigurationError) -> LayeredConfiguration {
        let commandLine = CommandLineArgumentsProvider(arguments: sources.arguments)
        let environment = EnvironmentVariablesProvider(environmentVariables: sources.environment)
            .mapKeys(environmentKey)
        var providers: [any ConfigProvider] = [commandLine, environment]
        var sourceNames = [SourceName.commandLine, SourceName.environment]
        let fileKeys = FileKeyRecorder()
        let file = try await configFile(sources, commandLine: commandLine)
        if let path = file {
            providers.append(try await yamlFile(path, recordingKeysIn: fileKeys))
            sourceNames.append(path)
        }
        let origins = ValueOriginRecorder()
        return LayeredConfiguration(
            reader: ConfigReader(providers: providers, accessReporter: origins),
            origins: origins,
            sourceNames: sourceNames,
            file: file,
            fileKeys: fileKeys.recordedKeys,
            environment: sources.environment
        )
    }

    /// The environment's key for `key`: `api.socketPath` is `UCWA_BRIDGE_API_SOCKETPATH`. Upper-casing each
    /// component first keeps the library's encoder from splitting camel case (`SOCKET_PATH`).
    private static func environmentKey(_ key: AbsoluteConfigKey) -> AbsoluteConfigKey {
        AbsoluteConfigKey([environmentPrefix] + key.components.map { $0.uppercased() }, context: key.context)
    }

    /// The file to read, or `nil` when the default file is missing.
    private static func configFile(
        _ sources: ConfigurationSources,
        commandLine: CommandLineArgumentsProvider
    ) async throws(ConfigurationError) -> String? {
        let named: Sourced<String>?
        if let configFile = sources.configFile {
            named = Sourced(value: configFile, source: ConfigurationError.unknownSource)
        } else {
            do {
                named = try await ConfigReader(provider: commandLine)
                    .fetchString(forKey: ConfigKey(ConfigurationKeys.configFile))
                    .map { Sourced(value: $0, source: SourceName.commandLine) }
            } catch {
                throw ConfigurationError(
                    key: ConfigurationKeys.configFile,
                    problem: "must be given once, with the path of the configuration file",
                    source: SourceName.commandLine
                )
            }
        }
        guard let named else {
            return FileManager.default.fileExists(atPath: sources.defaultConfigFile)
                ? sources.defaultConfigFile : nil
        }
        var isDirectory: ObjCBool = false
        guard !named.value.isEmpty, FileManager.default.fileExists(atPath: named.value, isDirectory: &isDirectory)
        else {
            throw named.refused(ConfigurationKeys.configFile, "names the file \"\(named.value)\", which does not exist")
        }
        guard !isDirectory.boolValue else {
            throw named.refused(ConfigurationKeys.configFile, "names \(named.value), which is a directory, not a file")
        }
        return named.value
    }

    /// The provider of the YAML file at `path`.
    private static func yamlFile(
        _ path: String,
        recordingKeysIn recorder: FileKeyRecorder
    ) async throws(ConfigurationError) -> FileProvider<YAMLSnapshot> {
        do {
            return try await FileProvider<YAMLSnapshot>(parsingOptions: recorder.parsingOptions, filePath: .init(path))
        } catch {
            throw ConfigurationError(
                key: ConfigurationKeys.configFile,
                problem: "cannot be read as a YAML mapping of sections and keys: \(error)",
                source: path
            )
        }
    }

    /// Where the value of `key` came from, as last looked up.
    func source(of key: String) -> String {
        guard let index = origins.providerIndex(of: key), sourceNames.indices.contains(index) else {
            return ConfigurationError.unknownSource
        }
        return sourceNames[index]
    }

    /// Looks `key` up with `fetch`; a value of the wrong type is refused as not being `expected`.
    private func read<Value: Sendable>(
        _ key: String,
        expected: String,
        _ fetch: (ConfigReader, ConfigKey) async throws -> Value?
    ) async throws(ConfigurationError) -> Sourced<Value>? {
        let value: Value?
        do {
            value = try await fetch(reader, ConfigKey(key))
        } catch {
            throw ConfigurationError(key: key, problem: "must be \(expected)", source: source(of: key))
        }
        return value.map { Sourced(value: $0, source: source(of: key)) }
    }

    /// The text at `key`, if set.
    func string(_ key: String) async throws(ConfigurationError) -> Sourced<String>? {
        try await read(key, expected: "a single text value") { try await $0.fetchString(forKey: $1) }
    }

    /// The whole number at `key`, if set.
    func int(_ key: String) async throws(ConfigurationError) -> Sourced<Int>? {
        try await read(key, expected: "a whole number") { try await $0.fetchInt(forKey: $1) }
    }

    /// The number at `key`, if set.
    func double(_ key: String) async throws(ConfigurationError) -> Sourced<Double>? {
        try await read(key, expected: "a number") { try await $0.fetchDouble(forKey: $1) }
    }

    /// The list of whole numbers at `key`, if set.
    func intArray(_ key: String) async throws(ConfigurationError) -> Sourced<[Int]>? {
        try await read(key, expected: "a list of whole numbers") { try await $0.fetchIntArray(forKey: $1) }
    }

    /// The list of texts at `key`, if set.
    func stringArray(_ key: String) async throws(ConfigurationError) -> Sourced<[String]>? {
        try await read(key, expected: "a list of text values") { try await $0.fetchStringArray(forKey: $1) }
    }

    /// The duration at `key` (see ``DurationText``), if set.
    func duration(_ key: String) async throws(ConfigurationError) -> Sourced<Duration>? {
        guard let text = try await string(key) else { return nil }
        do {
            return Sourced(value: try DurationText.parse(text.value), source: text.source)
        } catch {
            throw text.refused(key, error.problem)
        }
    }
}
