import Foundation

/// The machine's one-minute load average (`/proc/loadavg`): other work on the machine competes with the
/// benchmark for its cores, so every report says how busy the machine was.
enum LoadAverage {
    /// The one-minute load average now, or `nil` when it cannot be read.
    static func oneMinute() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.flatMap { Double($0) }
    }
}
