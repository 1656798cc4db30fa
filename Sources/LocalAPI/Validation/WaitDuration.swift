/// The `?wait=` of `GET /v1/messages/{id}` and `POST /v1/messages`: a whole number with a unit, `500ms`, `30s` or `2m`.
enum WaitDuration {
    /// Parses `text`; `nil` unless it is digits followed by `ms`, `s` or `m`.
    static func parse(_ text: String) -> Duration? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = text.dropFirst(digits.count)
        guard !digits.isEmpty, digits.count <= 9, let value = Int64(digits) else { return nil }
        switch unit {
        case "ms": return .milliseconds(value)
        case "s": return .seconds(value)
        case "m": return .seconds(value * 60)
        default: return nil
        }
    }

    /// The wait of `text`, capped at `maximum`.
    ///
    /// - Throws: ``APIError/Code/invalidParameter`` for text that is not a duration.
    static func wait(_ text: String, maximum: Duration) throws(APIError) -> Duration {
        guard let duration = parse(text) else {
            throw APIError(
                .invalidParameter,
                "wait must be a duration such as 500ms, 30s or 2m, not \(text.prefix(40))"
            )
        }
        return min(duration, maximum)
    }
}
