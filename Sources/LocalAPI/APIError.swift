/// An error the local API answers with: a stable code, a human message, and the HTTP status
/// that code maps to. The mapping lives here and nowhere else.
///
/// On the wire it is the Docker-style body `{"message": "...", "code": "..."}`, so scripts can
/// branch on `code` while people read `message`. Codes are lower camel case, like every other
/// name of the API (`retryScheduled`, `conversationLog`). An error that passes with time may say
/// when to try again (``retryAfterSeconds``), sent as the `Retry-After` header, never in the body.
public struct APIError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of failure this is; the raw value is the `code` field on the wire.
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        /// The request is malformed in a way no more specific code names.
        case malformedRequest
        /// The body is not valid UTF-8.
        case invalidUTF8
        /// The body is not a JSON object.
        case malformedJSON
        /// A query parameter is unknown, repeated or has a value the API does not read.
        case invalidParameter
        /// A field has a value the API refuses (wrong type, empty message, ...).
        case invalidField
        /// The body has a field the API does not know; the message names it.
        case unknownField
        /// A required field is absent; the message names it.
        case missingField
        /// The message text is longer than the configured limit.
        case messageTooLarge
        /// The operationId is longer than 50 characters or has characters outside `[A-Za-z0-9._-]`.
        case invalidOperationId
        /// The idempotencyKey is empty or longer than 200 characters.
        case invalidIdempotencyKey
        /// The contentType is neither `text/plain` nor `text/html`.
        case unsupportedContentType
        /// The conversationLog href is empty, not on the UCWA origin, or not under the daemon's application.
        case hrefRefused
        /// The deadline is already past.
        case deadlinePassed
        /// The body is larger than the API accepts.
        case bodyTooLarge
        /// The body is not `application/json`.
        case unsupportedMediaType
        /// The peer's uid and gids are not among the allowed ones (kept for clients; the server says
        /// ``peerNotAllowed``).
        case forbidden
        /// The peer's uid and gids are not among the allowed ones.
        case peerNotAllowed
        /// No request or route with that name.
        case notFound
        /// The path exists but not with this method; the `Allow` header lists the methods it has.
        case methodNotAllowed
        /// The request is past the point where it can be changed (e.g. cancel after dispatch).
        case conflict
        /// The request is in flight or finished and can no longer be cancelled.
        case notCancellable
        /// The client-supplied operationId is used by another request.
        case operationIdInUse
        /// The daemon is draining or not ready.
        case unavailable
        /// The durable store failed; nothing was changed.
        case storeFailure
        /// The daemon is stopping and takes no new requests.
        case shuttingDown
        /// The UCWA server answered something the daemon could not use.
        case upstreamFailure
        /// A fault inside the daemon; the journal has the details.
        case internalError

        /// The HTTP status this code is answered with.
        public var httpStatus: Int {
            switch self {
            case .malformedRequest, .invalidUTF8, .malformedJSON, .invalidParameter: 400
            case .forbidden, .peerNotAllowed: 403
            case .notFound: 404
            case .methodNotAllowed: 405
            case .conflict, .notCancellable, .operationIdInUse: 409
            case .bodyTooLarge: 413
            case .unsupportedMediaType: 415
            case .invalidField, .unknownField, .missingField, .messageTooLarge, .invalidOperationId,
                .invalidIdempotencyKey, .unsupportedContentType, .hrefRefused, .deadlinePassed:
                422
            case .internalError: 500
            case .upstreamFailure: 502
            case .unavailable, .storeFailure, .shuttingDown: 503
            }
        }
    }

    public var code: Code
    public var message: String
    /// How many seconds the client should wait before trying again, sent as `Retry-After`; `nil` sends none.
    public var retryAfterSeconds: Int? = nil

    public init(_ code: Code, _ message: String, retryAfterSeconds: Int? = nil) {
        self.code = code
        self.message = message
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var description: String {
        "\(code.rawValue): \(message)"
    }

    private enum CodingKeys: String, CodingKey {
        case message
        case code
    }
}
