/// Counters useful to tests.
public struct SimulatorCounters: Sendable, Hashable, Codable {
    /// P-GETs answered with 200 (events, empty, `resume` or `resync`).
    public var pGetsServed = 0
    /// P-GETs released with `409 PGetReplaced`.
    public var pGetsReplaced = 0
    /// Applications answered with 201.
    public var applicationsCreated = 0
    /// Tokens issued by the password grant.
    public var tokensIssued = 0
    /// `continueMessaging` requests received, whatever was answered.
    public var continueMessagingReceived = 0
    /// Invitations started (continueMessaging answered 201 or accepted before a close).
    public var invitationsStarted = 0

    public init() {}
}
