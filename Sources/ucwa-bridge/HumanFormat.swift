import Foundation

/// How the tables spell values that are not plain text: dates in UTC to the second, ages as
/// durations.
enum HumanFormat {
    /// `2026-11-29T10:00:00Z`, or `-` without a date.
    static func date(_ date: Date?) -> String {
        guard let date else { return TableRenderer.absent }
        return date.formatted(Date.ISO8601FormatStyle())
    }

    /// `1m12s` for 72.4 seconds, `0s` below a second, or `-` without a value.
    static func age(seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds < 1e12 else { return TableRenderer.absent }
        let whole = Int64(max(0, seconds.rounded(.down)))
        guard whole > 0 else { return "0s" }
        return DurationArgument(milliseconds: whole * 1_000).description
    }
}
