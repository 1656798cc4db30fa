/// When the simulator emits an invitation's first events relative to the `201 Created`.
public enum InvitationEventOrder: String, Sendable, Codable, CaseIterable {
    /// The 201 is written first, then `started`, `conversation added` and `messaging updated`.
    case afterResponse
    /// The first events are delivered to the parked P-GET (its response written) before the 201
    /// is answered: the documented "events can beat the 201" case (protocol notes §4.1).
    case beforeResponse
}
