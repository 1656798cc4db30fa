/// A UCWA error `code` (ErrorCode_ref). Unknown values are kept as they are and round-trip.
public struct ErrorCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
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

    /// `BadRequest`.
    public static let badRequest = ErrorCode("BadRequest")
    /// `Conflict`.
    public static let conflict = ErrorCode("Conflict")
    /// `EntityTooLarge`.
    public static let entityTooLarge = ErrorCode("EntityTooLarge")
    /// `ExchangeServiceFailure`.
    public static let exchangeServiceFailure = ErrorCode("ExchangeServiceFailure")
    /// `Forbidden`.
    public static let forbidden = ErrorCode("Forbidden")
    /// `GatewayTimeout`.
    public static let gatewayTimeout = ErrorCode("GatewayTimeout")
    /// `Gone`: "the resource is permanently gone. The client should not retry".
    public static let gone = ErrorCode("Gone")
    /// `Informational`.
    public static let informational = ErrorCode("Informational")
    /// `LocalFailure`.
    public static let localFailure = ErrorCode("LocalFailure")
    /// `MethodNotAllowed`.
    public static let methodNotAllowed = ErrorCode("MethodNotAllowed")
    /// `NotAcceptable`.
    public static let notAcceptable = ErrorCode("NotAcceptable")
    /// `NotFound`.
    public static let notFound = ErrorCode("NotFound")
    /// `PreconditionFailed`.
    public static let preconditionFailed = ErrorCode("PreconditionFailed")
    /// `PreconditionRequired`.
    public static let preconditionRequired = ErrorCode("PreconditionRequired")
    /// `RemoteFailure`.
    public static let remoteFailure = ErrorCode("RemoteFailure")
    /// `ServiceFailure`.
    public static let serviceFailure = ErrorCode("ServiceFailure")
    /// `ServiceUnavailable`.
    public static let serviceUnavailable = ErrorCode("ServiceUnavailable")
    /// `Timeout`: the operation timed out.
    public static let timeout = ErrorCode("Timeout")
    /// `TooManyRequests`.
    public static let tooManyRequests = ErrorCode("TooManyRequests")
    /// `UnsupportedMediaType`.
    public static let unsupportedMediaType = ErrorCode("UnsupportedMediaType")
}
