/// One of the targets, the measured value and whether it was met.
struct TargetResult: Codable, Sendable {
    var name: String
    var value: Double
    /// `atLeast` or `below`.
    var comparison: String
    var limit: Double
    var unit: String
    var met: Bool

    static func atLeast(_ name: String, _ value: Double, _ limit: Double, unit: String) -> TargetResult {
        TargetResult(name: name, value: value, comparison: "atLeast", limit: limit, unit: unit, met: value >= limit)
    }

    static func below(_ name: String, _ value: Double, _ limit: Double, unit: String) -> TargetResult {
        TargetResult(name: name, value: value, comparison: "below", limit: limit, unit: unit, met: value < limit)
    }
}
