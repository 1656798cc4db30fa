/// An OAuth grant type offered by the `MsRtcOAuth` challenge. Unknown values are kept.
public struct GrantType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The value as sent on the wire.
    public var rawValue: String

    /// Creates a value from its wire form; any string is accepted.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// Username and password.
    public static let password = GrantType(rawValue: "password")
    /// Integrated Windows authentication.
    public static let windows = GrantType(rawValue: "urn:microsoft.rtc:windows")
    /// ADFS passive authentication.
    public static let passive = GrantType(rawValue: "urn:microsoft.rtc:passive")
    /// Anonymous meeting join with a conference key.
    public static let anonymousMeeting = GrantType(rawValue: "urn:microsoft.rtc:anonmeeting")
}
