import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension IntegrationSuite {
    /// The client when no daemon answers: exit status 69 (EX_UNAVAILABLE) and a sentence that names the socket.
    @Suite("when the daemon is unreachable")
    struct UnreachableDaemonTests {
        @Test("a socket path where nothing exists exits 69 with a clear message", .timeLimit(.minutes(1)))
        func missingSocket() async throws {
            let executables = try Executables.locate()
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let socket = directory.appending("missing.sock")
            let cli = CLIRunner(executables: executables, socketPath: socket)

            for (command, arguments) in [
                ("conversations", [String]()),
                ("send", ["--with", "sip:alice@contoso.com", "--wait", "hello"]),
                ("status", ["01JD3Q8Z5W4K7N2M9P6R1T0V8X"]),
            ] {
                let clock = ContinuousClock()
                let began = clock.now
                let result = try await cli.run(command, arguments, timeout: .seconds(30))
                print("integration: ucwa-bridge \(command) against a missing socket ended in \(clock.now - began)")
                #expect(result.exitCode == 69, "\(result)")
                #expect(result.standardError.contains("cannot reach the daemon at \(socket)"), "\(result)")
                #expect(result.standardOutput.isEmpty, "\(result)")
            }
        }

        @Test("a socket nobody listens on (refused connection) exits 69", .timeLimit(.minutes(1)))
        func refusingSocket() async throws {
            let executables = try Executables.locate()
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let socket = directory.appending("stale.sock")
            // A socket file with no listener behind it, as a crashed daemon leaves: connect() is refused.
            let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            #expect(descriptor >= 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(socket.utf8)) }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            Glibc.close(descriptor)
            try #require(bound == 0, "bind \(socket)")

            let clock = ContinuousClock()
            let began = clock.now
            let result = try await CLIRunner(executables: executables, socketPath: socket)
                .run("health", [], timeout: .seconds(30))
            print("integration: ucwa-bridge health against a refusing socket ended in \(clock.now - began)")
            #expect(result.exitCode == 69, "\(result)")
            #expect(result.standardError.contains("cannot reach the daemon at \(socket)"), "\(result)")
            #expect(result.standardError.contains("is ucwa-bridged running?"), "\(result)")
        }
    }
}
