/// The dispatcher's time source: any `Clock` measured as the offset since the dispatcher was created.
///
/// Unlike `ClientClock` it sleeps *until* an offset, so a timer's deadline is fixed when the timer is made, not
/// when its task first runs: a test that advances a manual clock cannot slip in between.
struct DispatchClock: Sendable {
    private let elapsed: @Sendable () -> Duration
    private let sleeper: @Sendable (Duration) async throws -> Void

    init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let origin = clock.now
        elapsed = { origin.duration(to: clock.now) }
        sleeper = { offset in try await clock.sleep(until: origin.advanced(by: offset), tolerance: nil) }
    }

    /// The time since creation.
    var now: Duration { elapsed() }

    /// Sleeps until `offset`; throws `CancellationError` when cancelled.
    func sleep(until offset: Duration) async throws {
        try await sleeper(offset)
    }
}
