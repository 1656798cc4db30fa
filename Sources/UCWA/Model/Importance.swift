/// The importance of a conversation or invitation (Importance_ref). Unknown values are kept and round-trip.
public struct Importance: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The value as sent on the wire.
    public var rawValue: String

    /// Creates a value from its wire form; any string is accepted.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// `Normal`.
    public static let normal = Importance(rawValue: "Normal")
    /// `Urgent`.
    public static let urgent = Importance(rawValue: "Urgent")
    /// `Emergency`.
    public static let emergency = Importance(rawValue: "Emergency")
}
