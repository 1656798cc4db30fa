/// A UCWA error `subcode` (ErrorSubcode_ref). "New subcodes can be introduced at any time": unknown values are kept
/// as they are and round-trip. Only the subcodes the bridge acts on or reports are named here.
public struct ErrorSubcode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The value as sent on the wire.
    public var rawValue: String

    /// Creates a value from its wire form; any string is accepted.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates a value from its wire form; any string is accepted.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// The literal subcode `None`, which UCWA sends (for example `409 Conflict/None`). Not named `none`, which would
    /// be mistaken for `Optional.none` wherever a subcode is optional.
    public static let literalNone = ErrorSubcode("None")
    /// `AlreadyExists`: "the already exists error" (409).
    public static let alreadyExists = ErrorSubcode("AlreadyExists")
    /// `AnotherOperationPending`: another operation is pending on the resource.
    public static let anotherOperationPending = ErrorSubcode("AnotherOperationPending")
    /// `ApplicationNotFound`: the application no longer exists; it may be recreated (404).
    public static let applicationNotFound = ErrorSubcode("ApplicationNotFound")
    /// `Busy`.
    public static let busy = ErrorSubcode("Busy")
    /// `CallbackChannelError`: the remote event channel is not reachable (500; also a failed-operation reason).
    public static let callbackChannelError = ErrorSubcode("CallbackChannelError")
    /// `Canceled`.
    public static let canceled = ErrorSubcode("Canceled")
    /// `CannotRedirect`: no backup pool to redirect to (410).
    public static let cannotRedirect = ErrorSubcode("CannotRedirect")
    /// `Declined`: the invitation was declined.
    public static let declined = ErrorSubcode("Declined")
    /// `DeserializationFailure`.
    public static let deserializationFailure = ErrorSubcode("DeserializationFailure")
    /// `DestinationNotFound`: the destination identity could not be found.
    public static let destinationNotFound = ErrorSubcode("DestinationNotFound")
    /// `DoNotDisturb`.
    public static let doNotDisturb = ErrorSubcode("DoNotDisturb")
    /// `InactiveApplicationExpired`: no P-GET parked, or no activity reported, for too long (410).
    public static let inactiveApplicationExpired = ErrorSubcode("InactiveApplicationExpired")
    /// `InvalidExchangeServerVersion`: the Exchange mailbox version does not support the feature (500).
    public static let invalidExchangeServerVersion = ErrorSubcode("InvalidExchangeServerVersion")
    /// `MakeMeAvailableRequired`: `makeMeAvailable` must be called first (409).
    public static let makeMeAvailableRequired = ErrorSubcode("MakeMeAvailableRequired")
    /// `NotAllowed`.
    public static let notAllowed = ErrorSubcode("NotAllowed")
    /// `ParameterValidationFailure`: a parameter value is not valid (400).
    public static let parameterValidationFailure = ErrorSubcode("ParameterValidationFailure")
    /// `PGetReplaced`: a newer P-GET with the same `ack` released this one (409).
    public static let pGetReplaced = ErrorSubcode("PGetReplaced")
    /// `ResourceNotFound`.
    public static let resourceNotFound = ErrorSubcode("ResourceNotFound")
    /// `TemporarilyUnavailable`.
    public static let temporarilyUnavailable = ErrorSubcode("TemporarilyUnavailable")
    /// `ThreadIdAlreadyExists`: the remote is already in a conversation with this thread id.
    public static let threadIdAlreadyExists = ErrorSubcode("ThreadIdAlreadyExists")
    /// `Timeout`: the operation timed out.
    public static let timeout = ErrorSubcode("Timeout")
    /// `TooManyApplications`: the user has too many applications (410).
    public static let tooManyApplications = ErrorSubcode("TooManyApplications")
    /// `TooManyConversations`: the user has exceeded the maximum number of conversations.
    public static let tooManyConversations = ErrorSubcode("TooManyConversations")
    /// `TooManyGroups`: "the too many groups error" (409).
    public static let tooManyGroups = ErrorSubcode("TooManyGroups")
    /// `Unavailable`.
    public static let unavailable = ErrorSubcode("Unavailable")
    /// `Unreachable`.
    public static let unreachable = ErrorSubcode("Unreachable")
    /// `UserAgentNotAllowed`: the userAgent is no longer supported (410).
    public static let userAgentNotAllowed = ErrorSubcode("UserAgentNotAllowed")
}
