/// The injected time source of the client and the event channel: backoff waits and token refresh.
///
/// It wraps any `Clock` whose duration is `Duration` and measures time as the offset since it was created, so that
/// tests can pass a manual clock and everything else stores plain `Duration`s.
public struct ClientClock: Sendable {
    private let elapsed: @Sendable () -> Duration
    private let sleeper: @Sendable (Duration) async throws -> Void

    /// Wraps `clock`; its current instant becomes offset zero.
    public init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let origin = clock.now
        self.elapsed = { origin.duration(to: clock.now) }
        self.sleeper = { offset in
            try await clock.sleep(until: origin.advanced(by: offset), tolerance: nil)
        }
    }

    /// A clock on `ContinuousClock`.
    public static var continuous: ClientClock { ClientClock(ContinuousClock()) }

    /// The time elapsed since this clock was created.
    public var now: Duration { elapsed() }

    /// Sleeps for `duration`; throws `CancellationError` when the task is cancelled.
    public func sleep(for duration: Duration) async throws {
        try await sleeper(elapsed() + duration)
    }
}
