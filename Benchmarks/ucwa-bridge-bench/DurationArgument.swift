import ArgumentParser

/// A duration on the command line: a whole number with a unit, `500ms`, `10s` or `2m`.
struct DurationArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    let duration: Duration
    let description: String

    init?(argument: String) {
        let digits = argument.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, let value = Int64(digits) else { return nil }
        switch argument.dropFirst(digits.count) {
        case "ms": duration = .milliseconds(value)
        case "s": duration = .seconds(value)
        case "m": duration = .seconds(value * 60)
        default: return nil
        }
        description = argument
    }

    /// The duration in seconds.
    var seconds: Double { duration.seconds }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// The duration in (fractional) milliseconds.
    var milliseconds: Double { seconds * 1_000 }
}
