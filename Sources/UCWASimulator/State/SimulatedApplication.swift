/// One application created by `POST applications`, with its event channel and conversations.
struct SimulatedApplication: Sendable {
    let id: String
    let username: String
    let culture: String
    let userAgent: String
    let endpointId: String
    let createdAt: Duration
    var channel: EventChannelState
    var invitations: [String: InvitationRecord] = [:]
    /// Bumped by a transient state reset; scripted events of an older generation are dropped.
    var generation = 0
    /// Running invitation scripts, cancelled when the application or its state goes away.
    var scriptTasks: [UInt64: Task<Void, Never>] = [:]

    init(id: String, username: String, culture: String, userAgent: String, endpointId: String, createdAt: Duration) {
        self.id = id
        self.username = username
        self.culture = culture
        self.userAgent = userAgent
        self.endpointId = endpointId
        self.createdAt = createdAt
        self.channel = EventChannelState(eventsPath: Self.path(id) + "/events")
    }

    /// Above this many remembered invitations, the finished ones are forgotten.
    static let rememberedInvitationLimit = 1000

    /// Remembers an invitation for `GET messagingInvitation`; bounded so a long run stays small.
    mutating func remember(_ invitation: InvitationRecord) {
        if invitations.count >= Self.rememberedInvitationLimit {
            invitations = invitations.filter { $0.value.state == "Connecting" }
        }
        invitations[invitation.id] = invitation
    }

    static func path(_ id: String) -> String {
        "/ucwa/oauth/v1/applications/" + id
    }

    var path: String { Self.path(id) }

    /// True when no P-GET was parked for `expiry`, measured from the last release or creation.
    func isExpired(now: Duration, expiry: Duration) -> Bool {
        channel.parked == nil && now - (channel.lastReleasedAt ?? createdAt) >= expiry
    }

    /// True when no P-GET was parked for longer than `gap`.
    func isInactive(now: Duration, gap: Duration) -> Bool {
        channel.parked == nil && now - (channel.lastReleasedAt ?? createdAt) > gap
    }

    /// Whether `continueMessaging` finds a reachable event channel: a P-GET is parked, or the
    /// last one was released no longer than `grace` ago.
    func hasReachableChannel(now: Duration, grace: Duration) -> Bool {
        if channel.parked != nil { return true }
        guard let released = channel.lastReleasedAt else { return false }
        return now - released <= grace
    }

    /// Drops conversations, pending operations, queued events and parameters.
    /// Returns the tasks to cancel (outside any lock).
    mutating func resetTransientState() -> [Task<Void, Never>] {
        generation += 1
        invitations = [:]
        channel.resetTransientState()
        defer { scriptTasks = [:] }
        return Array(scriptTasks.values)
    }
}
