import Foundation

/// Durations as the configuration writes them: one or more `<whole number><unit>` parts, largest unit first or
/// not, with the units `h`, `m`, `s` and `ms`, for example `180s`, `5m`, `1h`, `168h`, `250ms` or `1h30m`.
///
/// Negative durations, bare numbers without a unit, fractions and unknown units are refused: a duration that
/// means something other than what the writer thought must not pass silently.
public enum DurationText {
    /// Why a text is not a duration; `description` is a sentence that completes "configuration key X: ".
    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        /// What is wrong, as a sentence fragment, for example `must not be negative`.
        public let problem: String

        public var description: String { problem }
    }

    /// The duration `text` stands for.
    ///
    /// - Throws: ``ParseError`` when `text` is empty, negative, lacks a unit, has an unknown unit or overflows.
    public static func parse(_ text: String) throws(ParseError) -> Duration {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw ParseError(problem: "must be a duration such as 180s, 5m or 1h30m, not an empty text")
        }
        if trimmed.hasPrefix("-") {
            throw ParseError(problem: "must not be negative, but is \"\(trimmed)\"")
        }
        var milliseconds: Int64 = 0
        var rest = Substring(trimmed)
        while !rest.isEmpty {
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard let number = Int64(digits) else {
                throw garbage(trimmed)
            }
            rest = rest.dropFirst(digits.count)
            let unitText = rest.prefix(while: { $0.isASCII && $0.isLetter })
            guard !unitText.isEmpty else {
                throw ParseError(
                    problem: "must be a duration with a unit (h, m, s or ms), such as 180s, but is \"\(trimmed)\""
                )
            }
            guard let unit = Unit(rawValue: String(unitText)) else {
                throw ParseError(
                    problem: "has the unknown unit \"\(unitText)\" in \"\(trimmed)\"; use h, m, s or ms"
                )
            }
            rest = rest.dropFirst(unitText.count)
            let (part, partOverflow) = number.multipliedReportingOverflow(by: unit.milliseconds)
            let (sum, sumOverflow) = milliseconds.addingReportingOverflow(part)
            guard !partOverflow, !sumOverflow else {
                throw ParseError(problem: "is too long a duration: \"\(trimmed)\"")
            }
            milliseconds = sum
        }
        return .milliseconds(milliseconds)
    }

    /// The shortest text that ``parse(_:)`` reads back as `duration`, rounded down to whole milliseconds,
    /// for example `1h30m` or `250ms`; `0s` for zero and negative durations.
    public static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return "0s" }
        let (wholeMilliseconds, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return "\(seconds)s" }
        var remaining = wholeMilliseconds + attoseconds / 1_000_000_000_000_000
        guard remaining > 0 else { return "0s" }
        var text = ""
        for unit in Unit.allCases where remaining >= unit.milliseconds {
            text += "\(remaining / unit.milliseconds)\(unit.rawValue)"
            remaining %= unit.milliseconds
        }
        return text
    }

    private static func garbage(_ text: String) -> ParseError {
        ParseError(problem: "must be a duration such as 180s, 5m, 250ms or 1h30m, but is \"\(text)\"")
    }

    /// The units, largest first.
    private enum Unit: String, CaseIterable {
        case hours = "h"
        case minutes = "m"
        case seconds = "s"
        case milliseconds = "ms"

        var milliseconds: Int64 {
            switch self {
            case .hours: 3_600_000
            case .minutes: 60_000
            case .seconds: 1000
            case .milliseconds: 1
            }
        }
    }
}
