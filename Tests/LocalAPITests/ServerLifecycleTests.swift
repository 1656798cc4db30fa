import Foundation
import Glibc
import LocalAPIModels
import Testing

/// `run()` serves until its task is cancelled, then lets go of held requests and of the socket file.
struct ServerLifecycleTests {
    @Test func stopsPromptlyWithAHeldWaitAndRemovesTheSocket() async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            let view = try await api.submitAccepted()
            let started = ContinuousClock.now
            async let held = api.send(.GET, "/v1/messages/\(view.id)?wait=30s")
            // The server subscribes to the request's changes while it holds the answer.
            while api.changes.subscriptionCount == 0, ContinuousClock.now - started < .seconds(10) {
                await Task.yield()
            }
            let ended = await api.stopServer()
            #expect(throws: Never.self) { try ended.get() }
            let answer = try await held
            #expect(answer.status == 200)
            #expect(try answer.decode(MessageView.self).state == .accepted)
            #expect(ContinuousClock.now - started < .seconds(20))
            #expect(access(api.socketPath, F_OK) != 0)
            #expect(!Self.accepts(path: api.socketPath))
        }
    }

    /// Whether a connection to the Unix socket at `path` succeeds.
    static func accepts(path: String) -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes.prefix(raw.count - 1))
        }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return result == 0
    }
}
