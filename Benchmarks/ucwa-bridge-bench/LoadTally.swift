/// The raw figures of closed-loop runs of one party, added up over the rounds of ``AlternatingClosedLoops``.
struct LoadTally: Sendable {
    var samples: [DeliverySample] = []
    var wall: Duration = .zero
    /// CPU seconds of the measured party, the simulator and, in the daemon's runs, the load's client.
    var partyCPU = 0.0
    var simulatorCPU = 0.0
    var clientCPU: Double?

    mutating func add(_ other: LoadTally) {
        samples += other.samples
        wall += other.wall
        partyCPU += other.partyCPU
        simulatorCPU += other.simulatorCPU
        if let client = other.clientCPU {
            clientCPU = (clientCPU ?? 0) + client
        }
    }

    /// Requests per second over the tally's wall time.
    var requestsPerSecond: Double {
        wall > .zero ? Double(samples.count) / wall.seconds : 0
    }
}
