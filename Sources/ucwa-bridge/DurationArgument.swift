import Foundation

/// A span of time on the command line: one or more `<number><unit>` pairs with units in
/// decreasing order, such as `250ms`, `30s`, `10m`, `1h`, `1h30m`. Zero, negative, unitless and
/// fractional values are refused.
///
/// Options take it with `@Option(transform: DurationArgument.parse)`, so that a wrong value is
/// reported with its reason.
struct DurationArgument: Hashable, Sendable, CustomStringConvertible {
    /// Why a text is not a duration.
    struct ParseError: Error, Hashable, CustomStringConvertible {
        var text: String
        var reason: String

        var description: String {
            "\(reason); write a duration like 250ms, 30s, 10m, 1h or 1h30m"
        }
    }

    /// The units, largest first, with their length in milliseconds.
    private static let units: [(suffix: String, milliseconds: Int64)] = [
        ("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1),
    ]

    /// The length, in whole milliseconds.
    let milliseconds: Int64

    var duration: Duration {
        .milliseconds(milliseconds)
    }

    /// The canonical spelling, such as `1h30m` or `1s500ms`.
    var description: String {
        var rest = milliseconds
        var text = ""
        for unit in Self.units where rest >= unit.milliseconds {
            text += "\(rest / unit.milliseconds)\(unit.suffix)"
            rest %= unit.milliseconds
        }
        return text
    }

    init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// Reads a duration, explaining what is wrong with a text that is not one.
    static func parse(_ text: String) throws(ParseError) -> DurationArgument {
        try parse(text, allowingZero: false)
    }

    /// Reads a duration that may be zero, such as `0s` for "do not wait".
    static func parseAllowingZero(_ text: String) throws(ParseError) -> DurationArgument {
        try parse(text, allowingZero: true)
    }

    private static func parse(_ text: String, allowingZero: Bool) throws(ParseError) -> DurationArgument {
        let input = text.trimmingCharacters(in: .whitespaces)
        guard !input.isEmpty else { throw ParseError(text: text, reason: "it is empty") }
        var rest = Substring(input)
        var total: Int64 = 0
        var smallestUsed = Int64.max
        while !rest.isEmpty {
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty else {
                throw ParseError(text: text, reason: "expected a whole number at '\(rest)'")
            }
            guard let number = Int64(digits) else { throw ParseError(text: text, reason: "the number is too large") }
            rest = rest.dropFirst(digits.count)
            if let separator = rest.first, separator == "." || separator == "," {
                throw ParseError(text: text, reason: "use whole numbers, such as 1h30m rather than 1.5h")
            }
            let letters = rest.prefix(while: { $0.isLetter })
            guard !letters.isEmpty else {
                throw ParseError(text: text, reason: "'\(digits)' has no unit")
            }
            guard let unit = units.first(where: { $0.suffix == letters }) else {
                throw ParseError(text: text, reason: "unknown unit '\(letters)'")
            }
            guard unit.milliseconds < smallestUsed else {
                throw ParseError(text: text, reason: "units must go from larger to smaller, each once")
            }
            smallestUsed = unit.milliseconds
            rest = rest.dropFirst(letters.count)
            let (part, partOverflow) = number.multipliedReportingOverflow(by: unit.milliseconds)
            let (sum, sumOverflow) = total.addingReportingOverflow(part)
            guard !partOverflow, !sumOverflow else { throw ParseError(text: text, reason: "it is too long") }
            total = sum
        }
        guard total > 0 || allowingZero else { throw ParseError(text: text, reason: "it must be longer than zero") }
        return DurationArgument(milliseconds: total)
    }
}
