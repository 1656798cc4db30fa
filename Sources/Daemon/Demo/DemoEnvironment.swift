import Foundation
import Logging
import UCWASimulator

/// What `ucwa-bridged --demo` runs on: the UCWA simulator in this process on 127.0.0.1, a throwaway state
/// directory with the simulated user's password file, and a socket under the current directory.
public struct DemoEnvironment: Sendable {
    /// The running simulator.
    public let simulator: SimulatorServer
    /// The throwaway state directory (deleted by ``stop()``).
    public let stateDirectory: URL
    /// The API socket path.
    public let socketPath: String

    /// Starts the simulator and prepares the state directory.
    ///
    /// - Parameter socketPath: the socket to serve; `./ucwa-bridge-demo.sock` in the current directory when
    ///   `nil`, or under the state directory when that path would exceed the 107 bytes a socket path may have.
    public static func start(socketPath: String?, logger: Logger) async throws -> DemoEnvironment {
        var simulatorLogger = logger
        simulatorLogger.logLevel = max(logger.logLevel, .warning)
        let simulator = SimulatorServer(configuration: SimulatorConfiguration(), logger: simulatorLogger)
        try await simulator.start()
        let state = FileManager.default.temporaryDirectory
            .appendingPathComponent("ucwa-bridge-demo-\(UUID().uuidString.prefix(8).lowercased())")
        try FileManager.default.createDirectory(
            at: state,
            withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700]
        )
        let password = state.appendingPathComponent("password")
        try Data(SimulatedUser.default.password.utf8).write(to: password)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: password.path)
        var socket = socketPath ?? FileManager.default.currentDirectoryPath + "/ucwa-bridge-demo.sock"
        if socket.utf8.count > 107 {
            socket = state.appendingPathComponent("api.sock").path
        }
        return DemoEnvironment(simulator: simulator, stateDirectory: state, socketPath: socket)
    }

    /// `configuration` pointed at the simulator, the throwaway state directory and the demo socket.
    public func configure(_ configuration: DaemonConfiguration) -> DaemonConfiguration {
        var configuration = configuration
        configuration.ucwa.discoveryURL = simulator.discoveryURL
        configuration.ucwa.signInAddress = nil
        configuration.ucwa.username = SimulatedUser.default.username
        configuration.ucwa.passwordFile = stateDirectory.appendingPathComponent("password").path
        configuration.ucwa.tokenFile = nil
        configuration.state.directory = stateDirectory.appendingPathComponent("state").path
        configuration.api.socketPath = socketPath
        configuration.api.socketGroup = ""
        return configuration
    }

    /// The two commands to try, with the client next to this executable when it is there.
    public func instructions() -> String {
        let client = Self.clientPath()
        let socket = Self.shortPath(socketPath)
        return """

            ucwa-bridged --demo is running against the built-in UCWA simulator at \(simulator.origin.absoluteString)
            (user \(SimulatedUser.default.username); state in \(stateDirectory.path), deleted at exit).
            Try, in another terminal:

              \(client) --socket \(socket) conversations
              \(client) --socket \(socket) send --with sip:alice@contoso.com --wait "Hello from ucwa-bridge"

            or with curl:

              curl --unix-socket \(socket) http://localhost/v1/health

            Stop with Ctrl-C.

            """
    }

    /// Stops the simulator and deletes the state directory and the socket file.
    public func stop() async {
        await simulator.shutdown()
        try? FileManager.default.removeItem(at: stateDirectory)
        try? FileManager.default.removeItem(atPath: socketPath)
    }

    private static func clientPath() -> String {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "ucwa-bridged")
        let sibling = executable.deletingLastPathComponent().appendingPathComponent("ucwa-bridge")
        guard FileManager.default.isExecutableFile(atPath: sibling.path) else { return "ucwa-bridge" }
        return shortPath(sibling.path)
    }

    /// `path` relative to the current directory when it lies under it.
    private static func shortPath(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(current) ? "./" + path.dropFirst(current.count) : path
    }
}
