import Synchronization
import Systemd
import TestSupport
import Testing
import UCWA

@testable import Daemon

/// The `STATUS=` rate limit, on a manual clock: sent on change, at most once per second, refreshed after a minute.
@Suite struct StatusReporterTests {
    /// A source whose snapshot the test sets.
    final class ScriptedSource: StatusSource {
        private let current = Mutex(StatusSnapshot(channel: .connecting, queue: .init(queued: 0, inFlight: 0)))
        let reads = CallCounter()

        func set(queued: Int, channel: EventChannelState = .parked) {
            current.withLock {
                $0 = StatusSnapshot(channel: channel, queue: .init(queued: queued, inFlight: 0))
            }
        }

        func snapshot() async -> StatusSnapshot {
            reads.increment()
            return current.withLock { $0 }
        }
    }

    typealias Instant = ManualClock.Instant

    static func at(_ milliseconds: Int) -> Instant {
        Instant(offset: .milliseconds(milliseconds))
    }

    /// The throttle's answers to `offers` (line, milliseconds), in order.
    static func decisions(_ throttle: inout StatusThrottle<Instant>, _ offers: [(String, Int)]) -> [Bool] {
        offers.map { line, milliseconds in throttle.admit(line, at: at(milliseconds)) }
    }

    @Test func theThrottleSendsChangesAtMostOncePerInterval() {
        var throttle = StatusThrottle<Instant>(minimumInterval: .seconds(1), refreshInterval: .seconds(60))
        let offers = [
            ("a", 0),
            ("b", 500),  // changed, but only 0.5 s after the last line sent
            ("b", 1_000),
            ("b", 2_000),  // unchanged
            ("c", 2_500),
            ("d", 3_000),  // 0.5 s after "c"
            ("d", 3_500),
            ("d", 63_499),  // unchanged within the refresh interval
            ("d", 63_500),  // unchanged, refreshed after a minute
        ]
        #expect(Self.decisions(&throttle, offers) == [true, false, true, false, true, false, true, false, true])
    }

    @Test func afterAFailedSendTheSameLineIsOfferedAgain() {
        var throttle = StatusThrottle<Instant>(minimumInterval: .seconds(1))
        #expect(Self.decisions(&throttle, [("a", 0)]) == [true])
        throttle.forget()
        // The minimum interval still holds after a failure.
        #expect(Self.decisions(&throttle, [("a", 500), ("a", 1_000)]) == [false, true])
    }

    @Test func theReporterSamplesEverySecondAndSendsOnlyChanges() async throws {
        let clock = ManualClock()
        let source = ScriptedSource()
        let notifier = RecordingNotifier()
        let reporter = StatusReporterService(
            source: source,
            notifier: notifier,
            clock: clock,
            logger: LogRecorder().logger()
        )
        let reporting = Task { try await reporter.report() }
        defer { reporting.cancel() }
        var sent = notifier.sent.makeAsyncIterator()

        #expect(await sent.next() == [.status("event channel connecting, 0 queued, 0 in flight")])
        await clock.sleepers(atLeast: 1)

        source.set(queued: 1)
        source.set(queued: 2)
        clock.advance(by: .milliseconds(999))
        #expect(source.reads.value == 1, "no sample before the second is over")
        clock.advance(by: .milliseconds(1))
        #expect(await sent.next() == [.status("event channel parked, 2 queued, 0 in flight")])
        await clock.sleepers(atLeast: 1)

        clock.advance(by: .seconds(1))
        await clock.sleepers(atLeast: 1)
        #expect(source.reads.value == 3)
        #expect(notifier.all.count == 2, "an unchanged line is not sent again")

        source.set(queued: 3)
        clock.advance(by: .seconds(1))
        #expect(await sent.next() == [.status("event channel parked, 3 queued, 0 in flight")])
        await clock.sleepers(atLeast: 1)
        #expect(notifier.all.count == 3)
    }
}
