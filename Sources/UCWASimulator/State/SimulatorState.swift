/// All mutable simulator state, guarded by one lock in `SimulatorCore`. Each part is a value
/// type with its own rules; the endpoints combine them in one critical section per request.
struct SimulatorState: Sendable {
    /// `http://host:port`, set once the server is bound.
    var origin = ""
    var tokens = TokenIssuer()
    var applications = ApplicationRegistry()
    var faults: FaultPlan
    var script: InvitationScript
    var received: [ReceivedContinueMessaging] = []
    var counters = SimulatorCounters()
    var shuttingDown = false
    private var lastID: UInt64 = 0

    init(configuration: SimulatorConfiguration) {
        faults = FaultPlan(seed: configuration.faultSeed)
        script = InvitationScript(configuration: configuration)
    }

    mutating func makeID() -> UInt64 {
        lastID += 1
        return lastID
    }

    /// Whether `id` names a live application of `username`. An expired application is removed
    /// on the way; its script tasks are returned for cancelling outside the lock.
    mutating func liveApplication(
        _ id: String,
        of username: String,
        now: Duration,
        expiry: Duration
    ) -> (found: Bool, cancelled: [Task<Void, Never>]) {
        guard let application = applications[id], application.username == username else { return (false, []) }
        if application.isExpired(now: now, expiry: expiry) {
            let removed = applications.remove(id)
            return (false, removed.map { Array($0.scriptTasks.values) } ?? [])
        }
        return (true, [])
    }
}
