/// What the benchmark runs: the sizes of its loads.
struct BenchmarkSettings: Codable, Sendable {
    /// Requests of each closed-loop run, after the warm-up.
    var requests: Int
    /// Rounds the closed loops are split into, the direct client's alternating with the daemon's.
    var rounds: Int
    /// Closed-loop workers, and the daemon's `dispatch.concurrency` unless ``saturatedConcurrency`` is higher.
    var concurrency: Int
    /// Requests in flight in the closed loops that measure throughput, where both paths are saturated (0: those
    /// loops are skipped and throughput is judged at ``concurrency``).
    var saturatedConcurrency: Int
    /// Requests of each saturated closed-loop run, all rounds together.
    var saturatedRequests: Int
    /// Requests run before measuring, on each path.
    var warmUp: Int
    /// The open loop's requests per second (0: no open loop).
    var rate: Double
    /// The open loop's length, in seconds.
    var durationSeconds: Double
    /// Requests queued on a daemon that cannot deliver (0: that phase is skipped).
    var queued: Int
    /// Concurrent POSTs while queueing them.
    var queuedConcurrency: Int

    /// Requests each path runs, unmeasured, before the saturated loops: the warm-up, and at least four per request in
    /// flight, so that every connection the higher concurrency needs is open.
    var saturatedWarmUp: Int {
        max(warmUp, 4 * saturatedConcurrency)
    }

    /// The daemon's `dispatch.concurrency` in the delivery phase: enough for every closed loop's requests in flight.
    var dispatchConcurrency: Int {
        max(concurrency, saturatedConcurrency)
    }
}
