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
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = configuration.log.level
            return handler
        }
        let logger = Logger(label: "ucwa-bridged")
        if demo {
            try await runDemo(configuration, logger: logger)
        } else {
            try await runDaemon(configuration, logger: logger)
        }
    }

    private func runDaemon(_ configuration: DaemonConfiguration, logger: Logger) async throws {
        do {
            try await BridgeDaemon(configuration: configuration, logger: logger).run()
        } catch {
            logger.critical("ucwa-bridged could not run", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
    }

    private func runDemo(_ configuration: DaemonConfiguration, logger: Logger) async throws {
        let demo = try await DemoEnvironment.start(socketPath: nil, logger: logger)
        let daemon = BridgeDaemon(configuration: demo.configure(configuration), logger: logger)
        let instructions = demo.instructions()
        do {
            try await daemon.run {
                FileHandle.standardOutput.write(Data(instructions.utf8))
            }
        } catch {
            logger.critical("ucwa-bridged --demo could not run", metadata: ["error": "\(error)"])
            await demo.stop()
            throw ExitCode(1)
        }
        await demo.stop()
    }
}
