/// The UCWA error body (the `reason` resource): the body of a synchronous 4xx/5xx from UCWA and the `reason` of a
/// failed `completed` event.
///
/// Only `code` is required; unknown codes, subcodes and properties are tolerated.
public struct ErrorReason: Hashable, Sendable, Codable, UCWAResource {
    /// The name used in decoding errors.
    public static let resourceName = "reason"

    /// The error code; for synchronous errors it matches the HTTP status.
    public var code: ErrorCode
    /// The optional subcode.
    public var subcode: ErrorSubcode?
    /// The optional message, localised to the application's culture.
    public var message: String?
    /// Diagnostic data, "subject to change", worth logging.
    public var debugInfo: JSONValue?
    /// For 400s: the invalid properties.
    public var parameters: JSONValue?

    /// Creates an error body.
    public init(
        code: ErrorCode,
        subcode: ErrorSubcode? = nil,
        message: String? = nil,
        debugInfo: JSONValue? = nil,
        parameters: JSONValue? = nil
    ) {
        self.code = code
        self.subcode = subcode
        self.message = message
        self.debugInfo = debugInfo
        self.parameters = parameters
    }
}
