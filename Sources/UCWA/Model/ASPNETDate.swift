import Foundation

/// Dates as UCWA writes them: the ASP.NET AJAX form `/Date(1474932024587)/` in JSON (milliseconds since 1970,
/// optionally followed by a `+hhmm`/`-hhmm` offset that does not change the instant) and ISO 8601 in XML.
enum ASPNETDate {
    /// The date a UCWA date string denotes, or `nil` when it is in neither form.
    static func parse(_ text: String) -> Date? {
        if text.hasPrefix("/Date("), text.hasSuffix(")/") {
            var inner = Substring(text.dropFirst(6).dropLast(2))
            if let offsetStart = inner.dropFirst().firstIndex(where: { $0 == "+" || $0 == "-" }) {
                let offset = inner[inner.index(after: offsetStart)...]
                guard offset.count == 4, offset.allSatisfy(\.isASCIIDigit) else { return nil }
                inner = inner[..<offsetStart]
            }
            let digits = inner.first == "-" ? inner.dropFirst() : inner
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let milliseconds = Int64(inner) else {
                return nil
            }
            return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        }
        if let date = try? Date(text, strategy: .iso8601) {
            return date
        }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

extension Character {
    var isASCIIDigit: Bool {
        ("0"..."9").contains(self)
    }
}
