/// A live application as tests see it.
public struct SimulatedApplicationInfo: Sendable, Hashable {
    public var id: String
    /// The application's relative href, `/ucwa/oauth/v1/applications/{id}`.
    public var href: String
    public var username: String
    public var endpointId: String
    /// The events href of the first unacknowledged batch.
    public var eventsHref: String
    /// Whether a P-GET is parked right now.
    public var hasParkedPGet: Bool
    /// Invitations known to the application (cleared by a transient state reset).
    public var invitationCount: Int
}
