import Foundation
import LocalAPIModels
import Testing

extension IntegrationSuite {
    /// SIGTERM: the daemon says STOPPING=1, drains, exits 0, and a request in flight survives to the next start.
    @Suite("on SIGTERM")
    struct ShutdownTests {
        @Test("an idle daemon exits 0 after STOPPING=1", .timeLimit(.minutes(2)))
        func idle() async throws {
            try await TestEnvironment.run { environment in
                let simulator = try await environment.startSimulator()
                let daemon = try await environment.startDaemon(simulator: simulator)
                let incarnation = try #require(daemon.current)
                #expect(incarnation.notify.received("READY=1"))

                let clock = ContinuousClock()
                let asked = clock.now
                let ended = try await daemon.stop(timeout: .seconds(30))
                print("integration: ucwa-bridged stopped on SIGTERM in \(clock.now - asked)")
                #expect(ended == .exited(0), "stderr:\n\(incarnation.process.standardError.tail())")
                #expect(
                    await incarnation.notify.waitFor("STOPPING=1", timeout: .seconds(5)),
                    "datagrams: \(incarnation.notify.messages)"
                )

                let after = try await environment.cli(daemon).run("health", timeout: .seconds(30))
                #expect(after.exitCode == 69, "\(after)")
            }
        }

        @Test("a request in flight at SIGTERM is delivered once after the next start", .timeLimit(.minutes(4)))
        func inFlight() async throws {
            try await TestEnvironment.run { environment in
                let simulator = try await environment.startSimulator()
                try await simulator.setInvitationScript(outcomeDelaySeconds: 4)
                let daemon = try await environment.startDaemon(simulator: simulator)
                let api = environment.api(daemon)
                let log = try #require(try await api.conversationLogs().conversationLogs.first)
                let text = "integration: in flight at SIGTERM \(UUID().uuidString)"
                let (_, accepted) = try await api.submit(MessageSubmission(conversationLog: log.href, message: text))
                let started = try await api.waitForMessage(id: accepted.id, timeout: .seconds(60)) {
                    $0.state == .started || $0.state.isTerminal
                }
                #expect(started.state == .started)

                let ended = try await daemon.stop(timeout: .seconds(30))
                #expect(ended == .exited(0), "\(daemon.logTail())")
                let notify = try #require(daemon.current?.notify)
                #expect(await notify.waitFor("STOPPING=1", timeout: .seconds(5)), "datagrams: \(notify.messages)")

                try await daemon.start()
                let final = try await api.waitUntilFinal(id: accepted.id, timeout: .seconds(120))
                #expect(final.state == .delivered, "\(final)")
                let received = try await simulator.received().filter { $0.messageText == text }
                #expect(received.count == 1, "received: \(received)")
                #expect(try await simulator.counters().applicationsCreated == 1)
            }
        }
    }
}
