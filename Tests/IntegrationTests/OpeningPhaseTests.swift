import Foundation
import LocalAPIModels
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension IntegrationSuite {
    /// The daemon when the UCWA server does not answer at start (a port where nothing listens yet): it says
    /// `READY=1` once its store is open and its API listens, answers health (`starting`) and `503` for the rest while
    /// it keeps trying, says so in `STATUS=`, delivers once the server comes, and stops at once on SIGTERM.
    @Suite("while the UCWA application is being opened")
    struct OpeningPhaseTests {
        /// The first `STATUS=` line that names a failed attempt to open the application.
        static func failedAttempt(_ notify: NotifySocket) async -> String? {
            await notify.waitForArrival(timeout: .seconds(30)) {
                !$0.lines(startingWith: "STATUS=opening the UCWA application (attempt ").isEmpty
            }?.lines(startingWith: "STATUS=opening").first
        }

        @Test(
            "READY=1 before the server answers; health says starting, a POST gets 503; a send waits and is delivered",
            .timeLimit(.minutes(3))
        )
        func readyBeforeTheApplication() async throws {
            try await TestEnvironment.run { environment in
                let port = try LoopbackPort.unused()
                let daemon = try environment.makeDaemon(discoveryURL: SimulatorProcess.discoveryURL(port: port))
                let clock = ContinuousClock()
                let began = clock.now
                let incarnation = try await daemon.start(waitingForSession: false)
                print("integration: READY=1 with the UCWA server unreachable after \(clock.now - began)")
                let notify = incarnation.notify

                let status = await Self.failedAttempt(notify)
                #expect(status != nil, "datagrams: \(notify.messages)")
                print("integration: \(status ?? "no STATUS= line about the opening")")
                #expect(status?.hasSuffix(", 0 queued, 0 in flight") == true)

                let api = environment.api(daemon)
                let health = try await api.health()
                #expect(health.status == "degraded")
                #expect(health.eventChannel.state == "starting")
                #expect(health.application == nil)
                #expect(health.queue.byState.isEmpty)
                let table = try await environment.cli(daemon).run("health", timeout: .seconds(30))
                #expect(table.exitCode == 0, "\(table)")
                #expect(table.standardOutput.contains("starting"), "\(table)")

                let submission = MessageSubmission(conversationLog: "/ucwa/x", message: "too early")
                let refused = try await api.send(.POST, "/v1/messages", json: APIJSON.encoder().encode(submission))
                #expect(refused.status == 503, "\(refused.text)")
                let error = try APIJSON.decoder().decode(APIErrorBody.self, from: refused.body)
                #expect(error.code == "unavailable")
                #expect(error.message.hasPrefix("the UCWA application is not open yet (last attempt: "), "\(error)")
                let retryAfter = try #require(refused.header("Retry-After").flatMap(Int.init), "\(refused.headers)")
                #expect((1...60).contains(retryAfter))
                let early = try await environment.cli(daemon).run(
                    "send",
                    ["--start-timeout", "0s", "--with", "sip:alice@contoso.com", "too early"],
                    timeout: .seconds(30)
                )
                #expect(early.exitCode == 75, "\(early)")
                #expect(early.standardError.contains("not open yet"), "\(early)")

                // Sent while the daemon is still starting: the CLI waits through the 503s (its default patience) and
                // the request is delivered once the application opens.
                let text = "integration: sent while starting \(UUID().uuidString)"
                let cli = environment.cli(daemon)
                async let waitingSend = cli.run(
                    "send",
                    ["--with", "sip:alice@contoso.com", "--wait", "--json", text],
                    timeout: .seconds(150)
                )
                let simulator = try await environment.startSimulator(listen: "127.0.0.1:\(port)")
                let opened = await daemon.waitForSession(incarnation, timeout: .seconds(90))
                try #require(opened, "\(daemon.logTail())")
                print("integration: the UCWA session opened \(clock.now - began) after the start")

                let sent = try await waitingSend
                #expect(sent.exitCode == 0, "\(sent)")
                #expect(sent.standardError.contains("waiting for it"), "\(sent)")
                let message = try APIJSON.decoder().decode(MessageView.self, from: Data(sent.standardOutput.utf8))
                #expect(message.state == .delivered)
                #expect(try await simulator.received().filter { $0.messageText == text }.count == 1)
                #expect(try await api.health().application != nil)

                let ended = try await daemon.stop(timeout: .seconds(30))
                #expect(ended == .exited(0), "\(daemon.logTail())")
            }
        }

        @Test("SIGTERM while the server does not answer exits 0 at once, after STOPPING=1", .timeLimit(.minutes(2)))
        func stopWhileOpening() async throws {
            try await TestEnvironment.run { environment in
                let port = try LoopbackPort.unused()
                let daemon = try environment.makeDaemon(discoveryURL: SimulatorProcess.discoveryURL(port: port))
                let incarnation = try await daemon.start(waitingForSession: false)
                let notify = incarnation.notify
                // The first attempt is under way (a refused connection takes the UCWA client some seconds).
                let opening = await notify.waitForArrival(timeout: .seconds(30)) {
                    !$0.lines(startingWith: "STATUS=opening the UCWA application").isEmpty
                }
                #expect(opening != nil, "datagrams: \(notify.messages)")

                let clock = ContinuousClock()
                let asked = clock.now
                let ended = try await daemon.stop(timeout: .seconds(30))
                let took = clock.now - asked
                print("integration: ucwa-bridged stopped on SIGTERM while opening in \(took)")
                #expect(ended == .exited(0), "\(daemon.logTail())")
                #expect(took < .seconds(5), "\(daemon.logTail())")
                #expect(await notify.waitFor("STOPPING=1", timeout: .seconds(5)), "datagrams: \(notify.messages)")
                let stderr = incarnation.process.standardError
                #expect(await stderr.waitFor("stopped before the UCWA application was open", timeout: .seconds(5)))
            }
        }

        @Test("a password the server refuses ends the daemon with exit status 78", .timeLimit(.minutes(2)))
        func refusedCredentials() async throws {
            try await TestEnvironment.run { environment in
                let simulator = try await environment.startSimulator()
                var settings = DaemonProcess.Settings()
                settings.password = "not-\(SimulatorProcess.password)"
                let daemon = try environment.makeDaemon(simulator: simulator, settings: settings)
                // The refusal may come before or after READY=1 reached the test: either way the daemon ends.
                _ = try? await daemon.start(waitingForSession: false)
                let ended = try await daemon.process.waitForExit(timeout: .seconds(60))
                #expect(ended == .exited(78), "\(daemon.logTail())")
                let stderr = try daemon.process.standardError
                #expect(await stderr.waitFor("invalidCredentials", timeout: .seconds(10)), "\(daemon.logTail())")
            }
        }
    }
}
