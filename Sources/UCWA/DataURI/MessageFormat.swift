/// The two text formats a UCWA message can have.
public enum MessageFormat: String, Hashable, Sendable, Codable, CaseIterable {
    case plain = "text/plain"
    case html = "text/html"

    /// The media type, `text/plain` or `text/html`.
    public var mediaType: String { rawValue }
}
