/// The figures of one load run.
struct LoadResult: Codable, Sendable {
    var requests: Int
    /// The closed loop's number of workers.
    var concurrency: Int?
    /// The open loop's arrival rate.
    var ratePerSecond: Double?
    var wallSeconds: Double
    var requestsPerSecond: Double
    /// From the start of each request to its delivery, as the client saw it.
    var observed: LatencySummary
    /// The daemon's own accepted → delivered (`updatedAt − createdAt`); daemon runs only.
    var acceptedToDelivered: LatencySummary?
    /// CPU time of the measured party (the daemon process, or the benchmark process running the direct client).
    var cpuMicrosecondsPerRequest: Double
    /// CPU time of the benchmark process driving the daemon (its local API client and harness); daemon runs only.
    var clientCPUMicrosecondsPerRequest: Double?
    /// CPU time of the simulator, which does the same work in both runs.
    var simulatorCPUMicrosecondsPerRequest: Double
    /// continueMessaging POSTs per request: above 1 when `CallbackChannelError` made requests retry.
    var attemptsPerRequest: Double
    /// Local API calls per request (POST plus long polls); daemon runs only.
    var localAPICallsPerRequest: Double?
    /// How far the open loop's starts fell behind the schedule at worst.
    var maximumStartLagMilliseconds: Double?
}
