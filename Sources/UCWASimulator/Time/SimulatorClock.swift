import NIOCore
import NIOPosix

/// The time source behind every simulator timer: P-GET holds, token lifetimes, the inactivity gap
/// that leads to `resume`, application expiry and scripted delays.
///
/// It wraps any `Clock` whose duration is `Duration` and measures time as the offset since the
/// simulator's clock was created, so that the state machines can store plain `Duration`s.
/// Tests pass a manual clock and move time themselves; the default is `ContinuousClock`.
public struct SimulatorClock: Sendable {
    private let elapsed: @Sendable () -> Duration
    private let sleeper: @Sendable (Duration) async throws -> Void
    /// True for `ContinuousClock`, whose time passes like an event loop's: timers then run on
    /// the event loop that sets them, without a task.
    private let runsOnEventLoops: Bool

    /// Wraps `clock`; its current instant becomes offset zero.
    public init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let origin = clock.now
        self.elapsed = { origin.duration(to: clock.now) }
        self.sleeper = { offset in
            try await clock.sleep(until: origin.advanced(by: offset), tolerance: nil)
        }
        self.runsOnEventLoops = clock is ContinuousClock
    }

    /// A simulator clock on `ContinuousClock`.
    public static var continuous: SimulatorClock { SimulatorClock(ContinuousClock()) }

    /// The time elapsed since this clock was created.
    public var now: Duration { elapsed() }

    /// Sleeps until the given offset; throws `CancellationError` when the task is cancelled.
    public func sleep(until offset: Duration) async throws {
        try await sleeper(offset)
    }

    /// Runs `action` once the clock reaches `offset`, unless the timer is cancelled first.
    func schedule(at offset: Duration, _ action: @escaping @Sendable () -> Void) -> SimulatorTimer {
        guard runsOnEventLoops else {
            return SimulatorTimer(
                task: Task {
                    do {
                        try await sleep(until: offset)
                    } catch {
                        return
                    }
                    action()
                }
            )
        }
        let loop = MultiThreadedEventLoopGroup.currentEventLoop ?? MultiThreadedEventLoopGroup.singleton.next()
        let delay = offset - now
        let nanoseconds = delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
        return SimulatorTimer(scheduled: loop.scheduleTask(in: .nanoseconds(max(nanoseconds, 0)), action))
    }
}
