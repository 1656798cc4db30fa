import Systemd
import TestSupport
import Testing

@testable import Daemon

/// The watchdog's decisions on a manual clock: a probe round with a deadline, `WATCHDOG=1` only when every part
/// answered, no new probe while a part is still stuck, and the ping cadence of half the timeout.
@Suite struct WatchdogServiceTests {
    static let settings = WatchdogSettings(timeout: .seconds(2))

    static func service(
        _ checks: [LivenessCheck],
        clock: ManualClock,
        notifier: RecordingNotifier,
        logs: LogRecorder = LogRecorder()
    ) -> WatchdogService<ManualClock> {
        WatchdogService(
            settings: settings,
            probe: LivenessProbe(checks: checks),
            notifier: notifier,
            clock: clock,
            logger: logs.logger()
        )
    }

    @Test func theDeadlineIsBelowTheIntervalAndAtMostFiveSeconds() {
        #expect(WatchdogService<ManualClock>.probeDeadline(for: Self.settings) == .milliseconds(500))
        #expect(Self.settings.pingInterval == .seconds(1))
        #expect(WatchdogService<ManualClock>.probeDeadline(for: WatchdogSettings(timeout: .seconds(60))) == .seconds(5))
    }

    @Test func aBeatPingsWhenEveryPartAnswers() async {
        let clock = ManualClock()
        let notifier = RecordingNotifier()
        let answered = CallCounter()
        let checks = ["event loop 1/2", "event loop 2/2", "dispatcher", "queue"].map { name in
            LivenessCheck(name: name) { answered.increment() }
        }
        let watchdog = Self.service(checks, clock: clock, notifier: notifier)
        var memory = WatchdogService<ManualClock>.Memory()

        let verdict = await watchdog.beat(within: .milliseconds(500), memory: &memory)

        #expect(verdict == .alive)
        #expect(answered.value == 4)
        #expect(notifier.all == [[.watchdog]])
    }

    @Test func aWedgedPartWithholdsThePingUntilItAnswersAgain() async {
        let clock = ManualClock()
        let notifier = RecordingNotifier()
        let logs = LogRecorder()
        let gate = Gate()
        let dispatcherCalls = CallCounter()
        let checks = [
            LivenessCheck(name: "event loop 1/1") {},
            LivenessCheck(name: "dispatcher") {
                dispatcherCalls.increment()
                await gate.wait()
            },
        ]
        let watchdog = Self.service(checks, clock: clock, notifier: notifier, logs: logs)

        let firstBeat = Task {
            var memory = WatchdogService<ManualClock>.Memory()
            let verdict = await watchdog.beat(within: .milliseconds(500), memory: &memory)
            return (verdict, memory)
        }
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .milliseconds(500))
        let (first, afterFirst) = await firstBeat.value
        var memory = afterFirst
        #expect(first == .unresponsive(["dispatcher"]))
        #expect(notifier.all.isEmpty)
        #expect(logs.all.filter { $0.contains("WATCHDOG=1 withheld") }.count == 1)

        let second = await watchdog.beat(within: .milliseconds(500), memory: &memory)
        #expect(second == .unresponsive(["dispatcher"]), "still stuck: no new round")
        #expect(dispatcherCalls.value == 1, "a stuck part is not probed again")
        #expect(notifier.all.isEmpty)
        #expect(logs.all.filter { $0.contains("WATCHDOG=1 withheld") }.count == 1, "logged once, not per beat")

        gate.open()
        await watchdog.probe.idle()
        let third = await watchdog.beat(within: .milliseconds(500), memory: &memory)
        #expect(third == .alive)
        #expect(dispatcherCalls.value == 2)
        #expect(notifier.all == [[.watchdog]])
        #expect(logs.all.contains { $0.contains("WATCHDOG=1 resumed") })
    }

    @Test func pingsComeEveryHalfTimeoutWhileTheDaemonAnswers() async throws {
        let clock = ManualClock()
        let notifier = RecordingNotifier()
        let gate = Gate()
        let wedged = CallCounter()
        let checks = [
            LivenessCheck(name: "queue") {
                if wedged.value > 0 { await gate.wait() }
            }
        ]
        let watchdog = Self.service(checks, clock: clock, notifier: notifier)
        let feeding = Task { try await watchdog.feed(Self.settings) }
        defer {
            feeding.cancel()
            gate.open()
        }
        var sent = notifier.sent.makeAsyncIterator()

        #expect(await sent.next() == [.watchdog], "the first ping goes out at once")
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .milliseconds(999))
        #expect(notifier.all.count == 1)
        clock.advance(by: .milliseconds(1))
        #expect(await sent.next() == [.watchdog])
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .seconds(1))
        #expect(await sent.next() == [.watchdog])
        #expect(clock.now.offset == .seconds(2))

        wedged.increment()
        await clock.sleepers(atLeast: 1)
        for _ in 0..<3 {
            clock.advance(by: .milliseconds(500))
            await clock.sleepers(atLeast: 1)
        }
        #expect(notifier.all.count == 3, "no ping while the queue does not answer")
    }

    @Test func withoutAWatchdogNothingIsSent() async throws {
        let notifier = RecordingNotifier()
        let watchdog = WatchdogService(
            settings: nil,
            probe: LivenessProbe(checks: []),
            notifier: notifier,
            clock: ManualClock(),
            logger: LogRecorder().logger()
        )
        let running = Task { try await watchdog.run() }
        running.cancel()
        try await running.value
        #expect(notifier.all.isEmpty)
    }
}
