import Foundation
import LocalAPIModels
import Testing
import UCWASimulator

#if canImport(Glibc)
    import Glibc
#endif

extension IntegrationSuite {
    /// What the daemon tells its service manager over `NOTIFY_SOCKET` (here a datagram socket of the test's own):
    /// `READY=1`, `STATUS=` lines, `WATCHDOG=1` at half of `WATCHDOG_USEC` while it answers and not once an event
    /// loop is wedged, `STOPPING=1`. `WATCHDOG_PID` stays unset: the test cannot know the pid before the spawn,
    /// and `sd_watchdog_enabled(3)` takes an unset one as "this process".
    @Suite("sd_notify")
    struct NotifyTests {
        /// `WATCHDOG_USEC`: two seconds, so pings are due every second.
        static let watchdogTimeout: Duration = .seconds(2)
        static let watchdogEnvironment = ["WATCHDOG_USEC": "2000000"]

        /// The gaps between consecutive `WATCHDOG=1` datagrams among `arrivals`.
        static func pingGaps(_ arrivals: [NotifySocket.Arrival]) -> [Duration] {
            let pings = arrivals.filter { $0.carries("WATCHDOG=1") }.map(\.receivedAt)
            return zip(pings, pings.dropFirst()).map { $1 - $0 }
        }

        static func median(_ gaps: [Duration]) -> Duration {
            let sorted = gaps.sorted()
            return sorted[sorted.count / 2]
        }

        static func seconds(_ duration: Duration) -> String {
            let (seconds, attoseconds) = duration.components
            return String(format: "%.3f", Double(seconds) + Double(attoseconds) / 1e18)
        }

        /// Waits until at least `count` `WATCHDOG=1` datagrams came; answers whether they did within `timeout`.
        static func waitForPings(_ notify: NotifySocket, count: Int, timeout: Duration) async -> Bool {
            await notify.waitForArrivals(timeout: timeout) { arrivals in
                arrivals.filter { $0.carries("WATCHDOG=1") }.count >= count
            } != nil
        }

        @Test(
            "READY, STATUS lines, WATCHDOG=1 every half WATCHDOG_USEC, the last error, STOPPING",
            .timeLimit(.minutes(3))
        )
        func lifecycle() async throws {
            try await TestEnvironment.run { environment in
                let simulator = try await environment.startSimulator()
                let daemon = try environment.makeDaemon(simulator: simulator)
                let incarnation = try await daemon.start(environment: Self.watchdogEnvironment)
                let notify = incarnation.notify
                #expect(notify.received("READY=1"))

                let parked = await notify.waitForArrival(timeout: .seconds(30)) {
                    $0.lines(startingWith: "STATUS=").contains("STATUS=event channel parked, 0 queued, 0 in flight")
                }
                #expect(parked != nil, "datagrams: \(notify.messages)")

                #expect(
                    await Self.waitForPings(notify, count: 7, timeout: .seconds(30)),
                    "datagrams: \(notify.messages)"
                )
                let gaps = Self.pingGaps(notify.arrivals)
                let median = Self.median(gaps)
                print("integration: WATCHDOG=1 gaps (s): \(gaps.map(Self.seconds)), median \(Self.seconds(median))")
                #expect(median >= Self.watchdogTimeout * 0.25 && median <= Self.watchdogTimeout * 0.75)

                try await simulator.injectFault(.callbackChannelError, at: .continueMessaging)
                let api = environment.api(daemon)
                let log = try #require(try await api.conversationLogs().conversationLogs.first)
                _ = try await api.submit(MessageSubmission(conversationLog: log.href, message: "status test"))
                let failure = await notify.waitForArrival(timeout: .seconds(60)) {
                    $0.lines(startingWith: "STATUS=").contains {
                        $0.contains("last error: ServiceFailure/CallbackChannelError at ")
                    }
                }
                #expect(failure != nil, "datagrams: \(notify.messages)")
                print("integration: STATUS after a failed attempt: \(failure?.text ?? "none")")
                // The reporter decides at most once per second; the datagrams may come a little closer when one
                // sample's store read took longer than the next one's.
                let reports = notify.arrivals.filter { !$0.lines(startingWith: "STATUS=event channel").isEmpty }
                let times = reports.map(\.receivedAt)
                let closest = zip(times, times.dropFirst()).map { $1 - $0 }.min() ?? .seconds(1)
                print("integration: \(reports.count) STATUS= reports, closest \(Self.seconds(closest)) s apart")
                #expect(closest >= .milliseconds(500), "STATUS= at most about once per second")

                let ended = try await daemon.stop(timeout: .seconds(30))
                #expect(ended == .exited(0), "\(daemon.logTail())")
                #expect(await notify.waitFor("STOPPING=1", timeout: .seconds(5)), "datagrams: \(notify.messages)")
            }
        }

        @Test("WATCHDOG=1 stops once an event loop is wedged", .timeLimit(.minutes(3)))
        func wedgedEventLoop() async throws {
            try await TestEnvironment.run { environment in
                let simulator = try await environment.startSimulator()
                let daemon = try environment.makeDaemon(simulator: simulator)
                var faultEnvironment = Self.watchdogEnvironment
                faultEnvironment["UCWA_BRIDGE_TEST_FAULTS"] = "wedge-event-loop-on-sigusr2"
                let incarnation = try await daemon.start(environment: faultEnvironment)
                let notify = incarnation.notify
                let process = incarnation.process

                #expect(
                    await Self.waitForPings(notify, count: 5, timeout: .seconds(30)),
                    "datagrams: \(notify.messages)"
                )
                let healthy = Self.pingGaps(notify.arrivals)
                print("integration: WATCHDOG=1 gaps before the wedge (s): \(healthy.map(Self.seconds))")
                #expect(Self.median(healthy) <= Self.watchdogTimeout * 0.75)

                process.send(SIGUSR2)
                let wedged = await process.standardError.waitFor("test fault: event loop 1/", timeout: .seconds(10))
                try #require(wedged, "stderr:\n\(process.standardError.tail())")
                let wedgedAt = ContinuousClock.now

                // A round that passed just before the wedge may still ping; after one interval none may come
                // for twice the watchdog timeout.
                let grace = Self.watchdogTimeout / 2
                let late = await notify.waitForArrival(timeout: grace + Self.watchdogTimeout * 2) {
                    $0.carries("WATCHDOG=1") && $0.receivedAt > wedgedAt + grace
                }
                let lateBy = late.map { $0.receivedAt - wedgedAt } ?? .zero
                #expect(late == nil, "a WATCHDOG=1 came \(lateBy) after the wedge")
                let inGrace = notify.arrivals.filter { $0.carries("WATCHDOG=1") && $0.receivedAt > wedgedAt }
                #expect(inGrace.count <= 1)
                #expect(process.isRunning, "the daemon is wedged, not dead: systemd is the one to kill it")
                #expect(process.standardError.text.contains("WATCHDOG=1 withheld"))
                print(
                    "integration: after the wedge, \(inGrace.count) ping(s) in the first \(grace), "
                        + "none in the following \(Self.watchdogTimeout * 2)"
                )

                #expect(try await daemon.kill() == .signalled(SIGKILL))
            }
        }
    }
}
