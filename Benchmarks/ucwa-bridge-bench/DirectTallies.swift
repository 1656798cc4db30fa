/// The direct client's closed loops, run by the daemon's phase in alternating rounds with its own
/// (``AlternatingClosedLoops``).
struct DirectTallies: Sendable {
    /// At the settings' `concurrency`.
    var closedLoop: LoadTally
    /// At the settings' `saturatedConcurrency`, when those loops ran.
    var saturatedLoop: LoadTally?
}
