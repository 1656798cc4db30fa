/// The state of an invitation such as a messagingInvitation (InvitationState_ref). Unknown values are kept and
/// round-trip.
public struct InvitationState: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The value as sent on the wire.
    public var rawValue: String

    /// Creates a value from its wire form; any string is accepted.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// `Alerting`.
    public static let alerting = InvitationState(rawValue: "Alerting")
    /// `Cancelled`.
    public static let cancelled = InvitationState(rawValue: "Cancelled")
    /// `Connected`.
    public static let connected = InvitationState(rawValue: "Connected")
    /// `Connecting`.
    public static let connecting = InvitationState(rawValue: "Connecting")
    /// `Declined`: the invitation was declined.
    public static let declined = InvitationState(rawValue: "Declined")
    /// `Failed`.
    public static let failed = InvitationState(rawValue: "Failed")
    /// `Forwarded`.
    public static let forwarded = InvitationState(rawValue: "Forwarded")
    /// `TeamRing`.
    public static let teamRing = InvitationState(rawValue: "TeamRing")
}
