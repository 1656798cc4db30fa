import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension IntegrationSuite {
    /// SIGHUP: the daemon reads its configuration file again, between `RELOADING=1` (with `MONOTONIC_USEC=`) and
    /// `READY=1` on its notify socket; it applies what can change while running, names what needs a restart, and
    /// refuses a broken file while it keeps running on the configuration it has.
    @Suite("on SIGHUP")
    struct ReloadTests {
        /// How long a reload may take, from SIGHUP to `READY=1`.
        static let reloadTimeout: Duration = .seconds(30)

        @Test("the RELOADING/READY pair on SIGHUP", .timeLimit(.minutes(4)))
        func reloadingThenReady() async throws {
            try await TestEnvironment.run { environment in
                let simulator = try await environment.startSimulator()
                let daemon = try await environment.startDaemon(simulator: simulator)
                let incarnation = try #require(daemon.current)
                let standardError = incarnation.process.standardError
                let original = try String(contentsOfFile: daemon.configPath, encoding: .utf8)

                // Two keys that change live, and one that needs a restart.
                let changed = try Self.edit(
                    original,
                    [
                        ("concurrency: 4", "concurrency: 2"),
                        ("level: debug", "level: info"),
                        ("ucwa:\n", "ucwa:\n  userAgent: ucwa-bridge-reloaded\n"),
                    ]
                )
                try environment.directory.write(changed, to: "config.yaml")
                let applied = try await Self.reload(incarnation)
                #expect(applied.ready.contains("STATUS=configuration reloaded: 2 changed key(s) applied, 1 need"))
                #expect(
                    await standardError.waitFor("applied: dispatch.concurrency, log.level", timeout: .seconds(10)),
                    "stderr:\n\(standardError.tail())"
                )
                #expect(
                    await standardError.waitFor(
                        "take effect only after a restart: ucwa.userAgent",
                        timeout: .seconds(10)
                    ),
                    "stderr:\n\(standardError.tail())"
                )
                let health = try await environment.cli(daemon).run("health", timeout: .seconds(30))
                #expect(health.exitCode == 0, "\(health)")

                // A typo in a key: the whole file is refused, the daemon goes on as it was.
                let broken = try Self.edit(changed, [("concurrency: 2", "concurency: 1")])
                try environment.directory.write(broken, to: "config.yaml")
                let refused = try await Self.reload(incarnation)
                #expect(refused.ready.contains("STATUS=configuration reload refused"), "\(refused.ready)")
                #expect(
                    await standardError.waitFor("dispatch.concurency", timeout: .seconds(10)),
                    "stderr:\n\(standardError.tail())"
                )
                #expect(incarnation.process.isRunning)

                let text = "integration: after a refused reload \(UUID().uuidString)"
                let sent = try await environment.cli(daemon).run(
                    "send",
                    ["--with", "sip:alice@contoso.com", "--wait", text],
                    timeout: .seconds(90)
                )
                #expect(sent.exitCode == 0, "\(sent)")
                // log.level went from debug to info at the first reload: debug lines before it, none after the
                // second (by then the level has been info for a whole reload, and a message was delivered).
                let log = standardError.text
                let firstReload = try #require(log.range(of: "reloading the configuration"))
                let refusal = try #require(log.range(of: "configuration reload refused"))
                #expect(log[..<firstReload.lowerBound].contains(" debug "), "no debug line before the reload")
                let debugAfter = log[refusal.upperBound...].split(separator: "\n").filter { $0.contains(" debug ") }
                #expect(debugAfter.isEmpty, "debug lines after log.level became info: \(debugAfter)")

                let ended = try await daemon.stop(timeout: .seconds(30))
                #expect(ended == .exited(0), "\(daemon.logTail())")
            }
        }

        /// The datagram that said `RELOADING=1` and the `READY=1` after it.
        struct ReloadDatagrams {
            var reloading: String
            var ready: String
        }

        /// Sends SIGHUP and waits for `RELOADING=1` and then `READY=1`, both after the datagrams already received;
        /// checks that `MONOTONIC_USEC=` goes with `RELOADING=1` and lies between the SIGHUP and the `READY=1`.
        static func reload(_ incarnation: DaemonProcess.Incarnation) async throws -> ReloadDatagrams {
            let notify = incarnation.notify
            let earlier = notify.messages.count
            let asked = monotonicMicroseconds()
            incarnation.process.send(SIGHUP)
            guard
                let datagrams = await notify.waitForDatagrams(
                    after: earlier,
                    timeout: reloadTimeout,
                    until: { reloadPair(in: $0) != nil }
                ),
                let pair = reloadPair(in: datagrams)
            else {
                throw IntegrationError(
                    "no RELOADING=1 then READY=1 within \(reloadTimeout) of SIGHUP; datagrams: \(notify.messages); "
                        + "stderr:\n\(incarnation.process.standardError.tail())"
                )
            }
            let answered = monotonicMicroseconds()
            let (reloading, ready) = pair
            #expect(
                !datagrams[..<reloading].contains { assignments($0).contains("READY=1") },
                "READY=1 before RELOADING=1: \(datagrams)"
            )
            let stamp = assignments(datagrams[reloading]).first { $0.hasPrefix("MONOTONIC_USEC=") }
            let microseconds = try #require(
                stamp.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) },
                "RELOADING=1 without a MONOTONIC_USEC number: \(datagrams[reloading])"
            )
            #expect(
                (asked...answered).contains(microseconds),
                "MONOTONIC_USEC=\(microseconds) is not between the SIGHUP (\(asked)) and READY=1 (\(answered))"
            )
            return ReloadDatagrams(reloading: datagrams[reloading], ready: datagrams[ready])
        }

        /// The indexes of the first datagram with `RELOADING=1` and of the first with `READY=1` after it.
        static func reloadPair(in datagrams: [String]) -> (Int, Int)? {
            guard let reloading = datagrams.firstIndex(where: { assignments($0).contains("RELOADING=1") }) else {
                return nil
            }
            let after = datagrams.index(after: reloading)
            guard let ready = datagrams[after...].firstIndex(where: { assignments($0).contains("READY=1") }) else {
                return nil
            }
            return (reloading, ready)
        }

        static func assignments(_ datagram: String) -> [Substring] {
            datagram.split(separator: "\n")
        }

        /// `text` with each replacement made once; throws when a text to replace is not there.
        static func edit(_ text: String, _ replacements: [(String, String)]) throws -> String {
            var edited = text
            for (old, new) in replacements {
                guard let range = edited.range(of: old) else {
                    throw IntegrationError("the configuration has no \"\(old)\" to replace:\n\(text)")
                }
                edited.replaceSubrange(range, with: new)
            }
            return edited
        }

        /// CLOCK_MONOTONIC in microseconds, the clock of `MONOTONIC_USEC=`.
        static func monotonicMicroseconds() -> UInt64 {
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
        }
    }
}
