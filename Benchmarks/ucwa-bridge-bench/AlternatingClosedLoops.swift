/// The closed loops of the direct client and of the daemon, in alternating rounds: a round of the direct client, then
/// one of the daemon, and again. Run one after the other, each loop saw a different moment of a shared host: the
/// direct client's own figure moved by a third within three minutes, and the ratio of the two with it. Alternated,
/// both see the same moments, and each round's ratio shows how far the host moved.
struct AlternatingClosedLoops: Sendable {
    /// Requests of each party, all rounds together.
    var requests: Int
    var rounds: Int
    var concurrency: Int

    struct Outcome: Sendable {
        var direct = LoadTally()
        var daemon = LoadTally()
        /// Each round's requests per second through the daemon divided by the direct client's.
        var roundRatios: [Double] = []
    }

    func run(
        direct: (ClosedLoop) async throws -> LoadTally,
        daemon: (ClosedLoop) async throws -> LoadTally
    ) async throws -> Outcome {
        var outcome = Outcome()
        let count = max(1, min(rounds, requests))
        for round in 0..<count {
            let loop = ClosedLoop(
                requests: requests / count + (round < requests % count ? 1 : 0),
                concurrency: concurrency
            )
            let directRound = try await direct(loop)
            let daemonRound = try await daemon(loop)
            outcome.direct.add(directRound)
            outcome.daemon.add(daemonRound)
            if directRound.requestsPerSecond > 0 {
                outcome.roundRatios.append(daemonRound.requestsPerSecond / directRound.requestsPerSecond)
            }
        }
        return outcome
    }
}
