/// The `status` of an operation event, a sibling of `link` and `type` (documented spelling: `"Success"`).
///
/// Real clients compare it case-insensitively; anything other than success counts as failure.
public struct EventStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The value as sent on the wire.
    public var rawValue: String

    /// Creates a value from its wire form; any string is accepted.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// `Success`.
    public static let success = EventStatus(rawValue: "Success")
    /// `Failure`.
    public static let failure = EventStatus(rawValue: "Failure")

    /// Whether the value is `Success`, compared case-insensitively.
    public var isSuccess: Bool {
        rawValue.lowercased() == "success"
    }
}
