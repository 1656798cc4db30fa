import Foundation
import LocalAPIModels
import Testing
import UCWASimulator

extension IntegrationSuite {
    /// `kill -9` in the middle of work: nothing accepted is lost, and nothing is sent twice where the daemon could
    /// know better (only a request caught `dispatching`, its POST maybe out and unanswered, may reach UCWA twice).
    @Suite("after kill -9")
    struct CrashSafetyTests {
        /// The requests' states just before one kill.
        struct Snapshot {
            var cycle: Int
            /// From `GET /v1/messages?state=...`, the queries that showed the mix.
            var counts: [MessageState: Int]
            /// From `GET /v1/messages` right after them, the last look before the kill.
            var states: [String: MessageState]

            var summary: String {
                let byState = Dictionary(grouping: states.values, by: { $0 }).mapValues(\.count)
                return MessageState.allCases.compactMap { state in
                    byState[state].map { "\(state.rawValue)=\($0)" }
                }.joined(separator: " ")
            }
        }

        /// Requests per cycle; each cycle ends with a kill and a restart.
        static let batches = [20, 12]

        @Test(
            "every accepted request ends delivered, none reaches UCWA twice unless it was dispatching at a kill",
            .timeLimit(.minutes(10))
        )
        func killAndRestart() async throws {
            try await TestEnvironment.run { environment in
                let clock = ContinuousClock()
                let began = clock.now
                let simulator = try await environment.startSimulator()
                // Slow UCWA: started after 1 s, completed 3 s later, so requests sit in awaitingEvents and started.
                try await simulator.setInvitationScript(outcomeDelaySeconds: 3, eventDelaySeconds: 1)
                let settings = DaemonProcess.Settings(concurrency: 4, retryInitialDelay: "6s", logLevel: "debug")
                let daemon = try await environment.startDaemon(simulator: simulator, settings: settings)
                let api = environment.api(daemon)
                let log = try #require(
                    try await api.conversationLogs().conversationLogs.first { $0.href.hasSuffix("/log-team") }
                )

                var texts: [String: String] = [:]
                var order: [String] = []
                var snapshots: [Snapshot] = []
                for (index, size) in Self.batches.enumerated() {
                    let cycle = index + 1
                    var batch: [String] = []
                    for number in 1...size {
                        let text = "crash-safety cycle \(cycle) request \(number) \(UUID().uuidString.prefix(8))"
                        let (status, message) = try await api.submit(
                            MessageSubmission(conversationLog: log.href, message: text)
                        )
                        #expect(status == 202)
                        texts[message.id] = text
                        batch.append(message.id)
                    }
                    order += batch
                    // Once this batch is being sent, the next POSTs fail with CallbackChannelError: retryScheduled.
                    _ = try await api.waitForMessage(id: batch[0], timeout: .seconds(120)) {
                        [.awaitingEvents, .started].contains($0.state) || $0.state.isTerminal
                    }
                    try await simulator.injectFault(.callbackChannelError, at: .continueMessaging, count: 3)
                    let snapshot = try await waitForMix(api: api, cycle: cycle, timeout: .seconds(120))
                    let killed = try await daemon.kill()
                    #expect(killed == .signalled(SIGKILL))
                    snapshots.append(snapshot)
                    print(
                        "crash-safety: kill \(cycle) (state queries: \(Self.describe(snapshot.counts))) "
                            + "with \(snapshot.summary)"
                    )
                    try await daemon.start()
                }

                // Every accepted request reaches a final state.
                let limit = clock.now + .seconds(360)
                var finals: [String: MessageView] = [:]
                for id in order {
                    finals[id] = try await api.waitUntilFinal(id: id, timeout: max(limit - clock.now, .seconds(1)))
                }
                let listed = try await api.allMessages()
                #expect(Set(listed.map(\.id)) == Set(order), "the API lists exactly the requests accepted")
                #expect(listed.count == order.count)

                let received = try await simulator.received()
                let invitations = Dictionary(grouping: received.filter(\.reachedUCWA)) { $0.messageText ?? "" }
                var duplicates = 0
                var allowedDuplicates = 0
                var neverReceived = 0
                for id in order {
                    let final = try #require(finals[id])
                    let text = try #require(texts[id])
                    let receipts = invitations[text] ?? []
                    let dispatchingAtKills = snapshots.filter { $0.states[id] == .dispatching }.count
                    let history = snapshots.map { $0.states[id]?.rawValue ?? "-" }.joined(separator: ",")
                    #expect(
                        final.state == .delivered,
                        "request \(id) ended \(final.state.rawValue): \(String(describing: final.failure))"
                    )
                    if final.state == .delivered, receipts.isEmpty {
                        neverReceived += 1
                        Issue.record("request \(id) is delivered but UCWA never received \"\(text)\"")
                    }
                    if receipts.count > 1 {
                        duplicates += receipts.count - 1
                        allowedDuplicates += min(receipts.count - 1, dispatchingAtKills)
                    }
                    #expect(
                        receipts.count <= 1 + dispatchingAtKills,
                        """
                        request \(id) ("\(text)") reached UCWA \(receipts.count) times \
                        (operationIds \(receipts.map { $0.operationId ?? "-" })); its states at the kills: \(history); \
                        attempts: \(final.attempts.map { "\($0.operationId):\($0.httpStatus.map(String.init) ?? "-")" })
                        """
                    )
                    let operationIds = Set(final.attempts.map(\.operationId))
                    for receipt in receipts {
                        #expect(
                            receipt.operationId.map(operationIds.contains) == true,
                            "UCWA received \(receipt.operationId ?? "no operationId") for \(id), not one of its attempts"
                        )
                    }
                }

                let health = try await api.health()
                let waiting = MessageState.allCases.filter { !$0.isTerminal }.reduce(0) {
                    $0 + (health.queue.byState[$1.rawValue] ?? 0)
                }
                #expect(waiting == 0, "health: \(health.queue)")
                let counters = try await simulator.counters()
                #expect(counters.applicationsCreated == 1, "the application is reused across kills: \(counters)")

                let finalCounts = Dictionary(grouping: finals.values, by: \.state).mapValues(\.count)
                let refused = received.filter { !$0.reachedUCWA }.count
                print(
                    "crash-safety summary: \(snapshots.count) kills, \(order.count) requests; "
                        + snapshots.map { "at kill \($0.cycle): \($0.summary)" }.joined(separator: "; ")
                        + "; final: \(Self.describe(finalCounts)); UCWA received \(received.count) continueMessaging "
                        + "(\(received.count - refused) invitations, \(refused) refused); duplicates \(duplicates) "
                        + "(allowed as dispatching at a kill: \(allowedDuplicates)); never received \(neverReceived); "
                        + "applications created \(counters.applicationsCreated); \(clock.now - began)"
                )
            }
        }

        /// Polls the state queries until requests are at once accepted (queued), retryScheduled and in flight
        /// (awaitingEvents or started), then takes the full list as the snapshot.
        private func waitForMix(api: APIClient, cycle: Int, timeout: Duration) async throws -> Snapshot {
            let clock = ContinuousClock()
            let limit = clock.now + timeout
            var counts: [MessageState: Int] = [:]
            while clock.now < limit {
                for state in [MessageState.accepted, .retryScheduled, .dispatching, .awaitingEvents, .started] {
                    counts[state] = try await api.allMessages(state: state).count
                }
                let inFlight = (counts[.awaitingEvents] ?? 0) + (counts[.started] ?? 0)
                if counts[.accepted, default: 0] > 0, counts[.retryScheduled, default: 0] > 0, inFlight > 0 {
                    let all = try await api.allMessages()
                    return Snapshot(
                        cycle: cycle,
                        counts: counts,
                        states: Dictionary(all.map { ($0.id, $0.state) }) { first, _ in first }
                    )
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw IntegrationError(
                "cycle \(cycle): no moment with requests accepted, retryScheduled and awaitingEvents or started "
                    + "within \(timeout); last counts: \(Self.describe(counts))"
            )
        }

        private static func describe(_ counts: [MessageState: Int]) -> String {
            MessageState.allCases.compactMap { state in counts[state].map { "\(state.rawValue)=\($0)" } }
                .joined(separator: " ")
        }
    }
}

extension ReceivedContinueMessaging {
    /// Whether this POST started an invitation (201, or closed after being carried out), rather than being refused.
    var reachedUCWA: Bool {
        guard let httpStatus else { return true }
        return (200..<300).contains(httpStatus)
    }
}
