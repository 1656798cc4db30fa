import Foundation
import LocalAPIModels
import Testing
import UCWASimulator

#if canImport(Glibc)
    import Glibc
#endif

extension IntegrationSuite {
    /// The daemon's log in a real journald of the test's own (``PrivateJournal``), read back with
    /// `journalctl -o json`: structured fields, the key events' `MESSAGE_ID`s, a request's story by `OPERATION_ID`,
    /// a small number of lines per request, and never a password or token.
    @Suite(
        "logging to journald",
        .enabled(if: PrivateJournal.isAvailable, "needs root, systemd-journald, unshare, nsenter and systemd-cat")
    )
    struct JournalTests {
        /// The `MESSAGE_ID`s of `deploy/ucwa-bridge.catalog` the tests look for.
        enum MessageID {
            static let requestAccepted = "9015060f66514d03a17988926798880c"
            static let requestDelivered = "8ca3ec01606c4980b51a04688fd0d98f"
            static let requestFailed = "571187a12e3c431aabb3d9df03c1e68c"
            static let eventChannelLost = "1b750153cb7c484f862e71cc6fc580b0"
            static let eventChannelRestored = "9541635445814ba8bab0873fe922a32b"
            static let applicationRecreated = "8e3487ba3dd44b2eb5172299da294f33"
            /// journald's own "Suppressed N messages" (its rate limit hit).
            static let journaldSuppressed = "a596d6fe7bfa4994828e72309e95d61e"
        }

        /// The daemon's `SYSLOG_IDENTIFIER` (`DaemonLogging.identifier`; this target does not link the daemon).
        static let identifier = "ucwa-bridged"

        /// The most info-or-more lines one request may produce: one per transition (accepted, dispatching,
        /// awaitingEvents, started, then delivered or failed) and one to spare.
        static let infoLinesPerRequest = 6

        @Test(
            "log.target journal: structured fields, key events, a request's story by OPERATION_ID, no password",
            .timeLimit(.minutes(4))
        )
        func structuredEntries() async throws {
            try await TestEnvironment.run { environment in
                try await Self.withJournal(in: environment) { journal in
                    let password = "it-secret-\(UUID().uuidString)"
                    let simulator = try await environment.startSimulator(arguments: ["--password", password])
                    var settings = DaemonProcess.Settings()
                    settings.password = password
                    settings.logTarget = "journal"
                    settings.launcher = try journal.launcher
                    let daemon = try await environment.startDaemon(simulator: simulator, settings: settings)
                    let daemonPID = try daemon.process.processIdentifier
                    let api = environment.api(daemon)

                    let logs = try await api.conversationLogs().conversationLogs
                    let bob = try #require(logs.first { $0.href.hasSuffix("/log-bob") })
                    let (_, first) = try await api.submit(
                        MessageSubmission(conversationLog: bob.href, message: "journal: delivered \(UUID())")
                    )
                    let delivered = try await api.waitUntilFinal(id: first.id, timeout: .seconds(60))
                    #expect(delivered.state == .delivered)
                    try await Self.declineNextInvitation(simulator)
                    let (_, second) = try await api.submit(
                        MessageSubmission(conversationLog: bob.href, message: "journal: declined \(UUID())")
                    )
                    let failed = try await api.waitUntilFinal(id: second.id, timeout: .seconds(60))
                    #expect(failed.state == .failed)

                    let own = try await journal.waitForEntries(
                        ["SYSLOG_IDENTIFIER=\(Self.identifier)"],
                        "the delivered and the failed request"
                    ) { entries in
                        entries.contains { $0["REQUEST_ID"] == first.id && $0["EVENT"] == "request-delivered" }
                            && entries.contains { $0["REQUEST_ID"] == second.id && $0["EVENT"] == "request-failed" }
                    }

                    // Every entry of the daemon came natively, with its source location and logger.
                    for entry in own {
                        #expect(entry["_TRANSPORT"] == "journal", "\(entry)")
                        #expect(entry["_PID"] == "\(daemonPID)", "\(entry)")
                        #expect(entry["LOGGER"] == "ucwa-bridged", "\(entry)")
                        #expect(entry["CODE_FILE"]?.hasSuffix(".swift") == true, "\(entry)")
                        #expect(entry["CODE_LINE"].flatMap(Int.init).map { $0 > 0 } == true, "\(entry)")
                        #expect(entry["CODE_FUNC"]?.isEmpty == false, "\(entry)")
                        #expect(entry["PRIORITY"].flatMap(Int.init).map { (0...7).contains($0) } == true, "\(entry)")
                    }

                    let accepted = try #require(Self.entry(own, request: first.id, event: "request-accepted"))
                    #expect(accepted["MESSAGE"] == "request accepted")
                    #expect(accepted["MESSAGE_ID"] == MessageID.requestAccepted)
                    #expect(accepted["PRIORITY"] == "6")
                    #expect(accepted["CODE_FILE"]?.hasSuffix("MessageQueue.swift") == true, "\(accepted)")
                    #expect(accepted["CODE_FUNC"]?.hasPrefix("enqueue") == true, "\(accepted)")
                    #expect(accepted["PEER_UID"] == "\(getuid())", "the API peer of the request")

                    let operationID = try #require(delivered.attempts.last?.operationId)
                    let done = try #require(Self.entry(own, request: first.id, event: "request-delivered"))
                    #expect(done["MESSAGE"] == "request delivered")
                    #expect(done["MESSAGE_ID"] == MessageID.requestDelivered)
                    #expect(done["PRIORITY"] == "6")
                    #expect(done["OPERATION_ID"] == operationID)
                    #expect(done["ATTEMPT"] == "\(delivered.attempts.count)")
                    #expect(done["CODE_FILE"]?.hasSuffix("Dispatcher.swift") == true, "\(done)")

                    let refused = try #require(Self.entry(own, request: second.id, event: "request-failed"))
                    #expect(refused["MESSAGE_ID"] == MessageID.requestFailed)
                    #expect(refused["PRIORITY"] == "6")
                    #expect(refused["UCWA_CODE"] == failed.failure?.code, "\(refused)")
                    #expect(refused["UCWA_SUBCODE"] == failed.failure?.subcode, "\(refused)")
                    #expect(refused["UCWA_CODE"] != nil)

                    // journalctl OPERATION_ID=... gives that attempt's lines, and only lines of its request.
                    let story = try await journal.entries(["OPERATION_ID=\(operationID)"])
                    #expect(story.count >= 2, "\(story)")
                    #expect(story.allSatisfy { $0["REQUEST_ID"] == first.id }, "\(story)")
                    #expect(story.contains { $0["EVENT"] == "request-delivered" })
                    let cursors = Set(story.compactMap { $0["__CURSOR"] })
                    let attemptLines = own.filter { $0["OPERATION_ID"] == operationID }
                    #expect(attemptLines.allSatisfy { cursors.contains($0["__CURSOR"] ?? "") })

                    // Few lines per request; per-HTTP and per-event detail is debug.
                    for id in [first.id, second.id] {
                        let lines = own.filter { $0["REQUEST_ID"] == id && Int($0["PRIORITY"] ?? "7") ?? 7 <= 6 }
                        #expect((2...Self.infoLinesPerRequest).contains(lines.count), "\(lines)")
                    }
                    let http = own.filter { $0["MESSAGE"]?.hasPrefix("POST /v1/messages") == true }
                    #expect(!http.isEmpty)
                    #expect(http.allSatisfy { $0["PRIORITY"] == "7" && $0["PEER_UID"] == "\(getuid())" }, "\(http)")
                    let events = own.filter { $0["MESSAGE"] == "operation event" }
                    #expect(!events.isEmpty)
                    #expect(events.allSatisfy { $0["PRIORITY"] == "7" })
                    #expect(own.contains { $0["MESSAGE"] == "ready" && $0["PRIORITY"] == "5" })

                    let stopped = try await daemon.stop()
                    #expect(stopped == .exited(0))
                    let all = try await journal.waitForEntries([], "the daemon's last line") { entries in
                        entries.contains { $0["_PID"] == "\(daemonPID)" && $0["MESSAGE"] == "stopped" }
                    }
                    #expect(!all.contains { $0["MESSAGE_ID"] == MessageID.journaldSuppressed })
                    #expect(!all.contains { $0.contains(password) }, "the password reached the journal")
                    #expect(try journal.fileContents().range(of: Data(password.utf8)) == nil)
                }
            }
        }

        @Test(
            "log.target auto: stderr connected to a journal stream (JOURNAL_STREAM) means native entries; no token",
            .timeLimit(.minutes(3))
        )
        func automaticTargetUnderAJournalStream() async throws {
            try await TestEnvironment.run { environment in
                try await Self.withJournal(in: environment) { journal in
                    let simulator = try await environment.startSimulator()
                    let token = try await simulator.issueToken()
                    var settings = DaemonProcess.Settings()
                    settings.token = token
                    settings.logTarget = "auto"
                    settings.launcher = try journal.streamLauncher(identifier: Self.identifier)
                    let daemon = try await environment.startDaemon(simulator: simulator, settings: settings)
                    let api = environment.api(daemon)

                    let logs = try await api.conversationLogs().conversationLogs
                    let alice = try #require(logs.first)
                    let (_, submitted) = try await api.submit(
                        MessageSubmission(conversationLog: alice.href, message: "journal: stream \(UUID())")
                    )
                    let delivered = try await api.waitUntilFinal(id: submitted.id, timeout: .seconds(60))
                    #expect(delivered.state == .delivered)

                    let story = try await journal.waitForEntries(
                        ["REQUEST_ID=\(submitted.id)"],
                        "the delivered request"
                    ) { entries in
                        entries.contains { $0["EVENT"] == "request-delivered" }
                    }
                    let done = try #require(story.first { $0["EVENT"] == "request-delivered" })
                    #expect(done["_TRANSPORT"] == "journal", "native, not a line on the stream: \(done)")
                    #expect(done["MESSAGE_ID"] == MessageID.requestDelivered)
                    #expect(done["SYSLOG_IDENTIFIER"] == Self.identifier)
                    #expect(done["CODE_FILE"]?.hasSuffix("Dispatcher.swift") == true, "\(done)")

                    // Nothing was written as text on the stream: every record went natively.
                    let streamed = try await journal.entries(["_TRANSPORT=stdout"])
                    #expect(streamed.isEmpty, "\(streamed)")

                    try await daemon.stop()
                    let all = try await journal.entries()
                    let secret = token.hasPrefix("cwt=") ? String(token.dropFirst(4)) : token
                    #expect(secret.count >= 16)
                    #expect(!all.contains { $0.contains(secret) }, "the token reached the journal")
                    #expect(try journal.fileContents().range(of: Data(secret.utf8)) == nil)
                }
            }
        }

        @Test(
            "the event channel's loss and return and the application's re-creation carry their MESSAGE_IDs",
            .timeLimit(.minutes(4))
        )
        func channelAndApplicationEvents() async throws {
            try await TestEnvironment.run { environment in
                try await Self.withJournal(in: environment) { journal in
                    let simulator = try await environment.startSimulator()
                    var settings = DaemonProcess.Settings()
                    settings.logTarget = "journal"
                    settings.launcher = try journal.launcher
                    let daemon = try await environment.startDaemon(simulator: simulator, settings: settings)
                    let api = environment.api(daemon)
                    let own = ["SYSLOG_IDENTIFIER=\(Self.identifier)"]
                    _ = try await journal.waitForEntries(own, "the first P-GET") { entries in
                        entries.contains { $0["MESSAGE"] == "P-GET" }
                    }

                    // The parked P-GET gets 404 ApplicationNotFound: the application is created again, and the
                    // first P-GET on it fails (503), so the channel is lost until the next one parks.
                    try await simulator.injectFault(.serviceUnavailable, at: .events)
                    let expired = try await HTTPExchange.send(.POST, "\(simulator.origin)/_sim/applications/expire")
                    #expect(expired.status == 204)
                    let lost = try await journal.waitForEntries(own, "the re-creation and the lost channel") {
                        entries in
                        entries.contains { $0["EVENT"] == "application-recreated" }
                            && entries.contains { $0["EVENT"] == "event-channel-lost" }
                    }
                    let recreated = try #require(lost.first { $0["EVENT"] == "application-recreated" })
                    #expect(recreated["MESSAGE_ID"] == MessageID.applicationRecreated)
                    #expect(recreated["PRIORITY"] == "6")
                    let gone = try #require(lost.first { $0["EVENT"] == "event-channel-lost" })
                    #expect(gone["MESSAGE_ID"] == MessageID.eventChannelLost)
                    #expect(gone["PRIORITY"] == "4")
                    #expect(gone["ATTEMPT"] == "1")

                    // Events on the new application end the parked P-GET: the channel is back.
                    let logs = try await api.conversationLogs().conversationLogs
                    let alice = try #require(logs.first)
                    let (_, submitted) = try await api.submit(
                        MessageSubmission(conversationLog: alice.href, message: "journal: after re-creation")
                    )
                    let delivered = try await api.waitUntilFinal(id: submitted.id, timeout: .seconds(90))
                    #expect(delivered.state == .delivered)
                    let back = try await journal.waitForEntries(own, "the restored channel") { entries in
                        entries.contains { $0["EVENT"] == "event-channel-restored" }
                    }
                    let restored = try #require(back.first { $0["EVENT"] == "event-channel-restored" })
                    #expect(restored["MESSAGE_ID"] == MessageID.eventChannelRestored)
                    #expect(restored["PRIORITY"] == "5")
                    #expect(back.filter { $0["EVENT"] == "application-recreated" }.count == 1)
                    #expect(back.filter { $0["EVENT"] == "event-channel-lost" }.count == 1)
                }
            }
        }

        // MARK: - Helpers

        /// Runs `body` with a journald of its own, stopped afterwards; when `body` throws, the end of the journal
        /// is printed (the daemon's standard error is empty when it logs to the journal).
        static func withJournal(
            in environment: TestEnvironment,
            _ body: (PrivateJournal) async throws -> Void
        ) async throws {
            let journal = try await PrivateJournal.start(in: environment.directory)
            do {
                try await body(journal)
            } catch {
                let entries = (try? await journal.entries()) ?? []
                print(
                    "==== the private journal (\(entries.count) entries), last 80 ====\n"
                        + entries.suffix(80).map(\.description).joined(separator: "\n")
                )
                await journal.stop()
                throw error
            }
            await journal.stop()
        }

        /// The entry of `request` marked `event`.
        static func entry(_ entries: [JournalRecord], request: String, event: String) -> JournalRecord? {
            entries.first { $0["REQUEST_ID"] == request && $0["EVENT"] == event }
        }

        /// The simulator's next invitation ends declined (`RemoteFailure/Declined`).
        static func declineNextInvitation(_ simulator: SimulatorProcess) async throws {
            let body = Data(#"{"outcomes": [{"kind": "declined"}]}"#.utf8)
            let answer = try await HTTPExchange.send(.POST, "\(simulator.origin)/_sim/outcomes", json: body)
            guard answer.status == 204 else {
                throw IntegrationError("POST /_sim/outcomes answered \(answer.status): \(answer.text)")
            }
        }
    }
}
