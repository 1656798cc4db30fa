/// Percentiles of a set of latencies, in milliseconds (nearest rank).
struct LatencySummary: Codable, Sendable {
    var count: Int
    var p50Milliseconds: Double
    var p99Milliseconds: Double
    var maxMilliseconds: Double
    var meanMilliseconds: Double

    /// `nil` for an empty set.
    init?(_ latencies: [Duration]) {
        guard !latencies.isEmpty else { return nil }
        let sorted = latencies.map(\.milliseconds).sorted()
        func percentile(_ share: Double) -> Double {
            let rank = Int((share * Double(sorted.count)).rounded(.up))
            return sorted[min(sorted.count, max(1, rank)) - 1]
        }
        count = sorted.count
        p50Milliseconds = percentile(0.50)
        p99Milliseconds = percentile(0.99)
        maxMilliseconds = sorted[sorted.count - 1]
        meanMilliseconds = sorted.reduce(0, +) / Double(sorted.count)
    }
}
