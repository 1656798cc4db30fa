import TestSupport
import Testing

@testable import Bridge

@Suite(.timeLimit(.minutes(1))) struct TimerQueueTests {
    /// Collects the names of the actions that ran, in order.
    private struct Firings {
        let stream: AsyncStream<String>
        let input: AsyncStream<String>.Continuation

        init() {
            (stream, input) = AsyncStream.makeStream(of: String.self)
        }

        func action(_ name: String) -> @Sendable () -> Void {
            { [input] in input.yield(name) }
        }

        /// The next `count` names fired.
        func next(_ count: Int) async -> [String] {
            var names: [String] = []
            for await name in stream {
                names.append(name)
                if names.count == count { break }
            }
            return names
        }
    }

    @Test func actionsRunInDeadlineOrderOnceTheClockReachesThem() async {
        let clock = ManualClock()
        let timers = TimerQueue(clock: DispatchClock(clock))
        let firings = Firings()
        _ = timers.schedule(at: .seconds(30), firings.action("thirty"))
        _ = timers.schedule(at: .seconds(10), firings.action("ten"))
        _ = timers.schedule(at: .seconds(20), firings.action("twenty"))
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .seconds(15))
        #expect(await firings.next(1) == ["ten"])
        #expect(timers.count == 2)
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .seconds(20))
        #expect(await firings.next(2) == ["twenty", "thirty"])
        #expect(timers.count == 0)
    }

    @Test func aCancelledActionNeverRuns() async {
        let clock = ManualClock()
        let timers = TimerQueue(clock: DispatchClock(clock))
        let firings = Firings()
        let cancelled = timers.schedule(at: .seconds(10), firings.action("cancelled"))
        _ = timers.schedule(at: .seconds(20), firings.action("kept"))
        timers.cancel(cancelled)
        #expect(timers.count == 1)
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .seconds(25))
        // Both deadlines have passed; actions run in deadline order, so the cancelled one would have come first.
        #expect(await firings.next(1) == ["kept"])
    }

    @Test func cancellingOneOfEqualDeadlinesLeavesTheOthersInOrder() async {
        let clock = ManualClock()
        let timers = TimerQueue(clock: DispatchClock(clock))
        let firings = Firings()
        let tokens = (1...5).map { timers.schedule(at: .seconds(10), firings.action("same \($0)")) }
        timers.cancel(tokens[2])
        timers.cancel(tokens[2])
        #expect(timers.count == 4)
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .seconds(10))
        #expect(await firings.next(4) == ["same 1", "same 2", "same 4", "same 5"])
    }

    /// The point of the queue: later deadlines share the sleeper armed for the earliest, and an earlier one replaces
    /// it rather than adding another.
    @Test func oneSleeperServesEveryDeadline() async {
        let clock = ManualClock()
        let timers = TimerQueue(clock: DispatchClock(clock))
        let firings = Firings()
        for second in 1...50 {
            _ = timers.schedule(at: .seconds(30 + second), firings.action("late \(second)"))
        }
        await clock.sleepers(atLeast: 1)
        #expect(clock.sleeperCount == 1)
        _ = timers.schedule(at: .seconds(5), firings.action("early"))
        clock.advance(by: .seconds(5))
        #expect(await firings.next(1) == ["early"])
        await clock.sleepers(atLeast: 1)
        #expect(clock.sleeperCount == 1)
        #expect(timers.count == 50)
    }

    /// Cancelling the last action stops the sleeper: an idle queue leaves nothing on the clock.
    @Test func cancellingTheLastActionStopsTheSleeper() async {
        let clock = ManualClock()
        let timers = TimerQueue(clock: DispatchClock(clock))
        let firings = Firings()
        let only = timers.schedule(at: .seconds(10), firings.action("only"))
        await clock.sleepers(atLeast: 1)
        timers.cancel(only)
        #expect(clock.sleeperCount == 0)
        _ = timers.schedule(at: .seconds(20), firings.action("next"))
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .seconds(20))
        #expect(await firings.next(1) == ["next"])
    }

    /// Cancelling leaves the sleeper to wake at its time; it then arms for the earliest action left.
    @Test func theSleeperOfACancelledActionRearmsForTheNextOne() async {
        let clock = ManualClock()
        let timers = TimerQueue(clock: DispatchClock(clock))
        let firings = Firings()
        let first = timers.schedule(at: .seconds(10), firings.action("first"))
        _ = timers.schedule(at: .seconds(40), firings.action("second"))
        timers.cancel(first)
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .seconds(10))
        await clock.sleepers(atLeast: 1)
        #expect(timers.count == 1)
        clock.advance(by: .seconds(30))
        #expect(await firings.next(1) == ["second"])
    }
}
