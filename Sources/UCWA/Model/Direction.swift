/// Whether an invitation, message or conversation log is incoming or outgoing (Direction_ref). Unknown values are
/// kept and round-trip.
public struct Direction: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The value as sent on the wire.
    public var rawValue: String

    /// Creates a value from its wire form; any string is accepted.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// `Incoming`.
    public static let incoming = Direction(rawValue: "Incoming")
    /// `Outgoing`.
    public static let outgoing = Direction(rawValue: "Outgoing")
}
