import ArgumentParser
import Foundation

/// The options every subcommand takes: where the daemon is and how to print its answers.
struct GlobalOptions: ParsableArguments {
    /// The environment variable that names the socket when `--socket` is absent.
    static let socketEnvironmentVariable = "UCWA_BRIDGE_SOCKET"
    /// The socket when neither `--socket` nor the environment names one.
    static let defaultSocketPath = "/run/ucwa-bridge/api.sock"

    @Option(
        help: ArgumentHelp(
            "The daemon's API socket (default: $\(socketEnvironmentVariable), else \(defaultSocketPath)).",
            valueName: "path"
        )
    )
    var socket: String?

    @Flag(help: "Print the API's JSON instead of a table, for scripts.")
    var json = false

    @Option(
        help: ArgumentHelp(
            "How long to wait, in all, for a daemon that is still opening its UCWA application (it answers 503 "
                + "with Retry-After until then); 0s fails at once. (default: 2m)",
            valueName: "duration"
        ),
        transform: DurationArgument.parseAllowingZero
    )
    var startTimeout: DurationArgument?

    /// The socket to use: `--socket`, else a non-empty `$UCWA_BRIDGE_SOCKET`, else the default.
    func socketPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let socket, !socket.isEmpty {
            return socket
        }
        if let fromEnvironment = environment[Self.socketEnvironmentVariable], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return Self.defaultSocketPath
    }

    /// How calls wait for a daemon that is still starting: `--start-timeout`, else two minutes.
    var startingWait: StartingDaemonWait {
        StartingDaemonWait(patience: startTimeout?.duration ?? StartingDaemonWait.defaultPatience)
    }

    /// How answers are printed.
    var output: Output {
        Output(json: json)
    }

    /// These options, with `--socket` and `--start-timeout` taken from `parent` when absent here and `--json` when
    /// either has it.
    func merged(over parent: GlobalOptions) -> GlobalOptions {
        var merged = self
        merged.socket = socket ?? parent.socket
        merged.json = json || parent.json
        merged.startTimeout = startTimeout ?? parent.startTimeout
        return merged
    }
}
