import Foundation

/// The body of `POST {applications}`: `culture`, `endpointId`, `userAgent` and optionally `instanceId`, in the
/// camelCase of the reference documentation.
///
/// Reuse the same `endpointId` across restarts so that the server answers 200 with the existing application instead
/// of creating another one.
public struct ApplicationCreationRequest: Hashable, Sendable {
    /// The documented maximum length of each field, in UTF-16 code units (see ``OperationID`` for why).
    public static let maximumFieldLength = 100

    /// `culture`, for example `en-US`.
    public let culture: String
    /// `endpointId`: stable for this daemon, unique among the user's applications.
    public let endpointId: String
    /// `userAgent`: identifies messages sent on behalf of this application.
    public let userAgent: String
    /// `instanceId`, for multi-instance applications.
    public let instanceId: String?

    /// Validates and creates a request.
    ///
    /// - Throws: ``RequestValidationError`` when a field is empty or longer than 100 characters.
    public init(
        culture: String,
        endpointId: String,
        userAgent: String,
        instanceId: String? = nil
    )
        throws(RequestValidationError)
    {
        try Self.validate(culture, field: "culture")
        try Self.validate(endpointId, field: "endpointId")
        try Self.validate(userAgent, field: "userAgent")
        if let instanceId {
            try Self.validate(instanceId, field: "instanceId")
        }
        self.culture = culture
        self.endpointId = endpointId
        self.userAgent = userAgent
        self.instanceId = instanceId
    }

    /// The JSON body with `Content-Type: application/json`.
    public var body: RequestBody {
        var members = [
            "\"culture\":\(culture.jsonQuoted)",
            "\"endpointId\":\(endpointId.jsonQuoted)",
            "\"userAgent\":\(userAgent.jsonQuoted)",
        ]
        if let instanceId {
            members.append("\"instanceId\":\(instanceId.jsonQuoted)")
        }
        let json = "{" + members.joined(separator: ",") + "}"
        return RequestBody(bytes: Data(json.utf8), contentType: UCWABodyFormat.json.contentType)
    }

    private static func validate(_ value: String, field: String) throws(RequestValidationError) {
        guard !value.isEmpty else {
            throw RequestValidationError(code: .empty, reason: "\(field) is required", field: field)
        }
        guard value.utf16.count <= maximumFieldLength else {
            throw RequestValidationError(
                code: .tooLong,
                reason: "\(field) has at most \(maximumFieldLength) characters, this one has \(value.utf16.count)",
                field: field
            )
        }
    }
}
