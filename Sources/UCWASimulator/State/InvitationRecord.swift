/// A messagingInvitation started by `continueMessaging`, as the simulator remembers it.
struct InvitationRecord: Sendable {
    var id: String
    var conversationID: String
    var operationId: String?
    var log: SeededConversationLog
    var messageHref: String?
    /// `Connecting`, `Connected` or `Failed`.
    var state = "Connecting"
    var outcome: InvitationOutcome
}
