import ArgumentParser
import Daemon
import Foundation
import Logging

/// The ucwa-bridge daemon: keeps a UCWA application and its event channel open and delivers the
/// continueMessaging requests that local programs queue on its Unix socket.
@main
struct UCWABridged: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ucwa-bridged",
        abstract: "Keeps a UCWA application open and delivers queued continueMessaging requests.",
        discussion: """
            Configuration comes from the YAML file (--config, default /etc/ucwa-bridge/config.yaml), then \
            environment variables (UCWA_BRIDGE_API_SOCKETPATH, ...), then flags named after the key path \
            (--api-socket-path PATH, --dispatch-concurrency 8, ...); see config/config.example.yaml.

            Try it without a UCWA server:  ucwa-bridged --demo
            """,
        version: DaemonVersion.current
    )

    @Option(help: "The YAML configuration file.")
    var config: String?

    @Flag(help: "Run against the built-in UCWA simulator, with a throwaway state directory and a socket here.")
    var demo = false

    @Argument(parsing: .allUnrecognized, help: "Configuration flags, e.g. --api-socket-path /run/x.sock.")
    var overrides: [String] = []

    func run() async throws {
        var sources = ConfigurationSources.process()
        sources.configFile = config
        if demo, config == nil {
            sources.defaultConfigFile = "/nonexistent/ucwa-bridged-demo.yaml"
        }
        let configuration: DaemonConfiguration
        do {
            configuration = try await DaemonConfiguration.load(from: sources, requiresCredentials: !demo)
        } catch {
            FileHandle.standardError.write(Data("ucwa-bridged: \(error)\n".utf8))
            throw ExitCode(78)  // EX_CONFIG
        }
        let logLevel = DaemonLogging.bootstrap(configuration.log)
        let logger = Logger(label: "ucwa-bridged")
        if demo {
            try await runDemo(configuration, sources: sources, logLevel: logLevel, logger: logger)
        } else {
            try await runDaemon(configuration, sources: sources, logLevel: logLevel, logger: logger)
        }
    }

    /// Runs the daemon; SIGHUP reads `sources` again, exactly as start-up read them, and sets `logLevel`.
    private func runDaemon(
        _ configuration: DaemonConfiguration,
        sources: ConfigurationSources,
        logLevel: LogLevelSwitch,
        logger: Logger
    ) async throws {
        let daemon = BridgeDaemon(
            configuration: configuration,
            logger: logger,
            logLevel: logLevel,
            configurationLoader: ConfigurationLoader(sources: sources)
        )
        do {
            try await daemon.run()
        } catch {
            let status = DaemonExitStatus(for: error)
            logger.critical(
                "ucwa-bridged could not run",
                metadata: ["error": "\(error)", "exit-status": "\(status.rawValue)"]
            )
            throw ExitCode(status.rawValue)
        }
    }

    /// Runs the daemon against the built-in simulator; SIGHUP reads `sources` again and puts the demo's server,
    /// state directory and socket in, as at start.
    private func runDemo(
        _ configuration: DaemonConfiguration,
        sources: ConfigurationSources,
        logLevel: LogLevelSwitch,
        logger: Logger
    ) async throws {
        let demo = try await DemoEnvironment.start(socketPath: nil, logger: logger)
        let daemon = BridgeDaemon(
            configuration: demo.configure(configuration),
            logger: logger,
            logLevel: logLevel,
            configurationLoader: ConfigurationLoader(sources: sources, requiresCredentials: false) {
                demo.configure($0)
            }
        )
        let instructions = demo.instructions()
        do {
            try await daemon.run {
                FileHandle.standardOutput.write(Data(instructions.utf8))
            }
        } catch {
            logger.critical("ucwa-bridged --demo could not run", metadata: ["error": "\(error)"])
            await demo.stop()
            throw ExitCode(DaemonExitStatus(for: error).rawValue)
        }
        await demo.stop()
    }
}
