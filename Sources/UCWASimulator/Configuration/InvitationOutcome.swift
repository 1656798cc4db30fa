/// How a messagingInvitation started by `continueMessaging` ends (protocol notes §4.3, §4.4).
public enum InvitationOutcome: Sendable, Hashable {
    /// `completed` with `status: Success` and `acceptedByParticipant`.
    case accepted
    /// `completed` with `status: Failure`, reason `RemoteFailure/Declined`.
    case declined
    /// `completed` with `status: Failure`, reason `RemoteFailure/Timeout`.
    case timedOut
    /// `completed` with `status: Failure` and the given reason.
    case failure(code: String, subcode: String, message: String)
    /// No `completed` event is ever sent.
    case neverCompletes

    /// The reason a failed outcome carries, or nil for success and for no completion.
    var reason: UCWAErrorBody? {
        switch self {
        case .accepted, .neverCompletes:
            return nil
        case .declined:
            return UCWAErrorBody(code: "RemoteFailure", subcode: "Declined", message: "Your invitation was declined.")
        case .timedOut:
            return UCWAErrorBody(
                code: "RemoteFailure",
                subcode: "Timeout",
                message: "The invitation timed out on the remote end."
            )
        case .failure(let code, let subcode, let message):
            return UCWAErrorBody(code: code, subcode: subcode, message: message)
        }
    }
}
