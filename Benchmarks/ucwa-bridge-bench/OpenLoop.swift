/// An open-loop load: requests start on a fixed schedule (`rate` per second for `duration`) whether or not the
/// earlier ones have finished, so that a slow answer cannot slow the arrivals down and hide its own cost.
struct OpenLoop: Sendable {
    var rate: Double
    var duration: Duration

    /// How many requests the schedule holds.
    var requests: Int { max(1, Int((rate * duration.seconds).rounded())) }

    /// Runs the schedule; answers every result, the wall time (until the last request finished) and the largest
    /// delay of a start behind its schedule (a sign that the benchmark itself could not keep up).
    func run<Sample: Sendable>(
        _ operation: @escaping @Sendable (Int) async throws -> Sample
    ) async throws -> (samples: [Sample], wall: Duration, maximumStartLag: Duration) {
        let interval = Duration.seconds(1 / rate)
        let count = requests
        let clock = ContinuousClock()
        let started = clock.now
        var maximumStartLag = Duration.zero
        let samples = try await withThrowingTaskGroup(of: Sample.self) { group in
            // Bounded: `count` starts.
            for index in 0..<count {
                let scheduled = started + interval * index
                try await clock.sleep(until: scheduled)
                maximumStartLag = max(maximumStartLag, clock.now - scheduled)
                group.addTask { try await operation(index) }
            }
            var all: [Sample] = []
            all.reserveCapacity(count)
            for try await sample in group {
                all.append(sample)
            }
            return all
        }
        return (samples, clock.now - started, maximumStartLag)
    }
}
