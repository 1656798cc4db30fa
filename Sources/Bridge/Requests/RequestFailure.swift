import UCWA

/// Why a request ended `failed`: the UCWA code and subcode (from a synchronous error or a `completed` Failure) or
/// one of the bridge's own codes, and a sentence for people.
public struct RequestFailure: Hashable, Sendable, Codable {
    /// A UCWA error code such as `Conflict`, or a bridge code such as ``outcomeUnknown``.
    public var code: String
    /// The UCWA subcode, if there was one.
    public var subcode: String?
    /// What happened, in words; never a token or a message body.
    public var message: String

    public init(code: String, subcode: String? = nil, message: String) {
        self.code = code
        self.subcode = subcode
        self.message = message
    }

    /// A failure from a UCWA `reason`; `fallback` is the message when the server gave none.
    public init(reason: ErrorReason, fallback: String) {
        self.init(code: reason.code.rawValue, subcode: reason.subcode?.rawValue, message: reason.message ?? fallback)
    }

    /// The 201 arrived but neither a `completed` event nor the invitation's state told the outcome. The server did
    /// receive the request, so the bridge does not send it again.
    public static let outcomeUnknown = "OutcomeUnknown"
    /// No `completed` event came, and the invitation resource (the 201's `Location`) ended in a failed state.
    public static let invitationFailed = "InvitationFailed"
    /// The conversation log has no `continueMessaging` link (continuing by IM is not possible there).
    public static let continueMessagingUnavailable = "ContinueMessagingUnavailable"
    /// An href the request needs resolves outside the UCWA origin, or cannot be resolved; nothing was sent.
    public static let hrefRefused = "HrefRefused"
    /// The retry policy's maximum number of attempts was reached.
    public static let attemptsExhausted = "AttemptsExhausted"
    /// The code of an attempt abandoned after its grace window: no answer and no event proved that the server had
    /// it, so the request was sent again with a new operationId (the only case of a possible duplicate).
    public static let noEvents = "NoEvents"
    /// The server answered something that is not the documented resource.
    public static let unexpectedResponse = "UnexpectedResponse"
    /// Attempt code: the attempt was stored but not sent, as the daemon began to stop first; it is due again at once.
    public static let notSent = "NotSent"
}
