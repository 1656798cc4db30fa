/// An error the local API answers with: a stable code, a human message, and the HTTP status
/// that code maps to. The mapping lives here and nowhere else.
///
/// On the wire it is the Docker-style body `{"message": "...", "code": "..."}`, so scripts can
/// branch on `code` while people read `message`.
public struct APIError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of failure this is; the raw value is the `code` field on the wire.
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        /// The body is not valid JSON, not UTF-8, or has unknown fields.
        case malformedRequest
        /// A field has a value the API refuses (empty message, operationId too long, foreign href).
        case invalidField
        /// The body is larger than the API accepts.
        case bodyTooLarge
        /// The body is not `application/json`.
        case unsupportedMediaType
        /// The peer's uid and gids are not among the allowed ones.
        case forbidden
        /// No request or route with that name.
        case notFound
        /// The request is past the point where it can be changed (e.g. cancel after dispatch).
        case conflict
        /// The daemon is draining or not ready.
        case unavailable
        /// A fault inside the daemon; the journal has the details.
        case internalError

        /// The HTTP status this code is answered with.
        public var httpStatus: Int {
            switch self {
            case .malformedRequest: 400
            case .invalidField: 422
            case .bodyTooLarge: 413
            case .unsupportedMediaType: 415
            case .forbidden: 403
            case .notFound: 404
            case .conflict: 409
            case .unavailable: 503
            case .internalError: 500
            }
        }
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String {
        "\(code.rawValue): \(message)"
    }

    private enum CodingKeys: String, CodingKey {
        case message
        case code
    }
}
