import Synchronization

/// A closed-loop load: `concurrency` workers, each starting its next request as soon as its last one finished,
/// until `requests` requests have been made. The first failure ends the run.
struct ClosedLoop: Sendable {
    var requests: Int
    var concurrency: Int

    /// Runs `operation` (given the request's index) `requests` times; answers every result and the wall time.
    func run<Sample: Sendable>(
        _ operation: @escaping @Sendable (Int) async throws -> Sample
    ) async throws -> (samples: [Sample], wall: Duration) {
        let next = IndexDispenser()
        let total = requests
        let started = ContinuousClock.now
        let samples = try await withThrowingTaskGroup(of: [Sample].self) { group in
            for _ in 0..<max(1, min(concurrency, total)) {
                group.addTask {
                    var mine: [Sample] = []
                    // Bounded: every pass takes a new index, and indexes stop at `total`.
                    while true {
                        let index = next.take()
                        guard index < total else { return mine }
                        mine.append(try await operation(index))
                    }
                }
            }
            var all: [Sample] = []
            all.reserveCapacity(total)
            for try await some in group {
                all += some
            }
            return all
        }
        return (samples, .now - started)
    }
}

/// Hands out 0, 1, 2, ... to the closed loop's workers.
private final class IndexDispenser: Sendable {
    private let next = Atomic<Int>(0)

    /// The next index.
    func take() -> Int {
        next.add(1, ordering: .relaxed).oldValue
    }
}
