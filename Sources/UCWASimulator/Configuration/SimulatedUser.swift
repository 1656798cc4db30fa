/// An account the simulator accepts in the password grant.
public struct SimulatedUser: Sendable, Hashable, Codable {
    /// The sign-in name sent as `username` (compared case-insensitively).
    public var username: String
    /// The password sent as `password` (compared exactly; never logged).
    public var password: String
    /// The user's SIP URI, e.g. `sip:bridge@contoso.com`.
    public var sipURI: String
    /// The display name shown as `me.name`.
    public var displayName: String

    public init(username: String, password: String, sipURI: String, displayName: String) {
        self.username = username
        self.password = password
        self.sipURI = sipURI
        self.displayName = displayName
    }

    /// The account that exists unless the configuration replaces it.
    public static let `default` = SimulatedUser(
        username: "bridge@contoso.com",
        password: "simulator",
        sipURI: "sip:bridge@contoso.com",
        displayName: "Bridge Account"
    )
}
