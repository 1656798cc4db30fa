/// Everything that shapes a simulator run. The defaults model a plain Skype for Business Server
/// 2015 pool with the documented timers; tests shorten what they need.
public struct SimulatorConfiguration: Sendable {
    /// The address to bind. Only loopback addresses make sense for a test tool.
    public var host: String = "127.0.0.1"
    /// The port to bind; 0 picks a free one.
    public var port: Int = 0

    /// The accounts accepted by the password grant; the first is the one discovery mentions.
    public var users: [SimulatedUser] = [.default]
    /// The lifetime reported as `expires_in` and enforced on every authenticated request.
    public var tokenLifetime: Duration = .seconds(28_800)
    /// How the 401 challenge is written.
    public var challengeStyle: ChallengeStyle = .separateHeaders
    /// When true, the root answers a `redirect` link to a second root path on the same origin.
    public var redirectHop: Bool = false

    /// Live applications one user may have before `POST applications` answers
    /// `410 Gone/TooManyApplications`. The docs give no number (protocol notes §8).
    public var applicationLimit: Int = 10
    /// The smallest P-GET `timeout` accepted (documented: 180 s). Tests may lower it.
    public var minimumEventTimeout: Int = 180
    /// The largest P-GET `timeout` accepted (documented: 1800 s).
    public var maximumEventTimeout: Int = 1800
    /// The `timeout` used until the client sends one (documented: 180 s).
    public var defaultEventTimeout: Int = 180
    /// How long an application may have no P-GET parked before the next P-GET gets `resume`
    /// and the transient state (conversations, pending operations, parameters) is dropped.
    /// Inference: the docs say only "a long time"; it must be shorter than `applicationExpiry`.
    public var inactivityGap: Duration = .seconds(300)
    /// How long an application may have no P-GET parked before it is terminated and answers
    /// `404 ApplicationNotFound` (documented: 15 minutes after the last P-GET was released).
    public var applicationExpiry: Duration = .seconds(900)
    /// How long after a P-GET was released `continueMessaging` still counts the event channel as
    /// reachable. Inference: a correct client re-parks at once, but not atomically, so a real
    /// server cannot demand a parked P-GET at every instant.
    public var callbackChannelGrace: Duration = .seconds(1)

    /// The conversation logs every application sees.
    public var conversationLogs: [SeededConversationLog] = SeededConversationLog.defaults
    /// The outcome of invitations for which no scripted outcome is queued.
    public var invitationOutcome: InvitationOutcome = .accepted
    /// Whether the first invitation events go out before or after the 201.
    public var invitationEventOrder: InvitationEventOrder = .afterResponse
    /// When true, an invitation emits only its `completed` event (aggregation, protocol notes §3.6).
    public var completedOnly: Bool = false
    /// The time between an invitation's `started` and its `completed` event.
    public var outcomeDelay: Duration = .zero

    /// The seed of the generator behind probabilistic faults.
    public var faultSeed: UInt64 = 0x5EED

    public init() {}
}
