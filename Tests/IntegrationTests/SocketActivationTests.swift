import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension IntegrationSuite {
    /// Socket activation with the real `systemd-socket-activate`: it binds the socket, waits for a first
    /// connection (or datagram), then execs `ucwa-bridged` in its own process with `LISTEN_FDS`/`LISTEN_PID` and
    /// only the environment given with `-E`. The daemon must serve the CLI on that socket, and refuse a socket of
    /// the wrong kind, a second socket, or one at another path with a message naming the problem, before `READY=1`.
    @Suite("socket activation")
    struct SocketActivationTests {
        static let activator = "/usr/bin/systemd-socket-activate"

        /// `systemd-socket-activate` with `options`, running `daemon` from its configuration, its `NOTIFY_SOCKET`
        /// being a fresh socket of the test's. A ``SpawnedProcess``, not a ``ChildProcess``: see why there.
        struct Activation {
            let process: SpawnedProcess
            let notify: NotifySocket

            init(_ environment: TestEnvironment, daemon: DaemonProcess, options: [String]) async throws {
                guard FileManager.default.isExecutableFile(atPath: SocketActivationTests.activator) else {
                    throw IntegrationError(
                        "\(SocketActivationTests.activator) is missing; it comes with the systemd package"
                    )
                }
                notify = try NotifySocket(path: environment.directory.appending("notify-activated.sock"))
                process = try SpawnedProcess(
                    name: "systemd-socket-activate+ucwa-bridged",
                    executable: SocketActivationTests.activator,
                    arguments: options + ["-E", "NOTIFY_SOCKET=\(notify.path)"]
                        + [environment.executables.daemon.path, "--config", daemon.configPath]
                )
                let listening = await process.standardError.waitFor("Listening on", timeout: .seconds(30))
                guard listening else {
                    await stop()
                    throw IntegrationError("systemd-socket-activate did not listen: \(process.standardError.tail())")
                }
            }

            /// Ends the process however it can, and stops reading the notify socket.
            func stop() async {
                await process.stop(grace: .seconds(15))
                notify.close()
            }
        }

        /// Connects to the stream socket at `path` and closes: `systemd-socket-activate`'s cue to exec the daemon.
        static func connect(to path: String) throws {
            try poke(path, type: Int32(SOCK_STREAM.rawValue))
        }

        /// Sends one datagram to `path`: the cue for a `--datagram` socket.
        static func sendDatagram(to path: String) throws {
            try poke(path, type: Int32(SOCK_DGRAM.rawValue))
        }

        private static func poke(_ path: String, type: Int32) throws {
            let descriptor = socket(AF_UNIX, type, 0)
            guard descriptor >= 0 else { throw IntegrationError("socket: \(String(cString: strerror(errno)))") }
            defer { close(descriptor) }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            guard result == 0 else {
                throw IntegrationError("connect to \(path): \(String(cString: strerror(errno)))")
            }
            if type == Int32(SOCK_DGRAM.rawValue) {
                _ = send(descriptor, "x", 1, 0)
            }
        }

        @Test("the daemon serves the CLI on the socket systemd-socket-activate passed", .timeLimit(.minutes(3)))
        func servesThePassedSocket() async throws {
            try await TestEnvironment.run { environment in
                let simulator = try await environment.startSimulator()
                let daemon = try environment.makeDaemon(simulator: simulator)
                let activation = try await Activation(environment, daemon: daemon, options: ["-l", daemon.socketPath])
                do {
                    let health = try await environment.cli(daemon).run("health", timeout: .seconds(60))
                    #expect(health.exitCode == 0, "\(health)\n\(activation.process.standardError.tail())")
                    #expect(await activation.notify.waitFor("READY=1", timeout: .seconds(30)))
                    let stderr = activation.process.standardError.text
                    #expect(stderr.contains("Execing"), "systemd-socket-activate exec'd the daemon")

                    // READY=1 comes once the API listens; the conversation logs need the UCWA session too.
                    let open = await activation.process.standardError.waitFor(
                        DaemonProcess.sessionOpenNotice,
                        timeout: .seconds(60)
                    )
                    #expect(open, "\(activation.process.standardError.tail())")
                    let conversations = try await environment.cli(daemon).run("conversations", timeout: .seconds(60))
                    #expect(conversations.exitCode == 0, "\(conversations)")

                    activation.process.send(SIGTERM)
                    let ended = try await activation.process.waitForExit(timeout: .seconds(30))
                    #expect(ended == .exited(0), "\(activation.process.standardError.tail())")
                    #expect(await activation.notify.waitFor("STOPPING=1", timeout: .seconds(5)))
                    var info = stat()
                    #expect(
                        lstat(daemon.socketPath, &info) == 0 && info.st_mode & S_IFMT == S_IFSOCK,
                        "the socket file belongs to whoever bound it and stays"
                    )
                } catch {
                    print(activation.process.standardError.tail(80))
                    await activation.stop()
                    throw error
                }
                await activation.stop()
            }
        }

        /// Runs the daemon under `systemd-socket-activate` with `options`, pokes it with `trigger`, and expects it to
        /// exit 1 without `READY=1`, its standard error containing every one of `phrases`.
        static func expectRefusal(
            options: (DaemonProcess) -> [String],
            trigger: @escaping @Sendable (DaemonProcess) throws -> Void,
            phrases: [String]
        ) async throws {
            try await TestEnvironment.run { environment in
                let simulator = try await environment.startSimulator()
                let daemon = try environment.makeDaemon(simulator: simulator)
                let activation = try await Activation(environment, daemon: daemon, options: options(daemon))
                do {
                    try trigger(daemon)
                    let ended = try await activation.process.waitForExit(timeout: .seconds(60))
                    let complete = await activation.process.standardError.complete(timeout: .seconds(10))
                    let stderr = complete ?? activation.process.standardError.text
                    #expect(ended == .exited(1), "\(stderr)")
                    for phrase in phrases {
                        #expect(stderr.contains(phrase), "stderr lacks \(phrase):\n\(stderr)")
                    }
                    #expect(!activation.notify.received("READY=1"), "datagrams: \(activation.notify.messages)")
                    let refusal = stderr.split(separator: "\n").last { $0.contains("could not run") } ?? ""
                    print("integration: refused: \(refusal)")
                } catch {
                    await activation.stop()
                    throw error
                }
                await activation.stop()
            }
        }

        @Test("a datagram socket is refused clearly, before READY", .timeLimit(.minutes(3)))
        func refusesADatagramSocket() async throws {
            try await Self.expectRefusal(
                options: { ["--datagram", "-l", $0.socketPath] },
                trigger: { try SocketActivationTests.sendDatagram(to: $0.socketPath) },
                phrases: ["unsuitableSocket", "is a datagram socket, not a stream socket", "ListenStream="]
            )
        }

        @Test("two passed sockets are refused clearly, before READY", .timeLimit(.minutes(3)))
        func refusesTwoSockets() async throws {
            try await Self.expectRefusal(
                options: { ["-l", $0.socketPath, "-l", $0.directory.appending("second.sock")] },
                trigger: { try SocketActivationTests.connect(to: $0.socketPath) },
                phrases: ["unexpectedSocketCount", "LISTEN_FDS=2"]
            )
        }

        @Test("a socket at another path than api.socketPath is refused clearly", .timeLimit(.minutes(3)))
        func refusesASocketAtAnotherPath() async throws {
            try await Self.expectRefusal(
                options: { ["-l", $0.directory.appending("elsewhere.sock")] },
                trigger: { try SocketActivationTests.connect(to: $0.directory.appending("elsewhere.sock")) },
                phrases: ["unsuitableSocket", "elsewhere.sock, not to", "api.sock"]
            )
        }
    }
}
