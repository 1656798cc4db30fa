/// The result of an authenticated UCWA request, shaped for a dispatcher that must decide between "done", "failed
/// for good", "retry" and "maybe it happened".
///
/// A 401 never shows here: the client re-authenticates once and replays the request, and reports the replay's
/// outcome (or ``notSent(_:)`` with the authentication error when re-authentication failed).
public enum UCWAOutcome: Sendable {
    /// A 1xx-3xx response (201 with `Location` for operations, 204 for deletes).
    case success(UCWAResponse)
    /// A 4xx/5xx whose body is a UCWA error (`code`, `subcode`), by its JSON or XML content type.
    case ucwaError(UCWAResponse, ErrorReason)
    /// A 4xx/5xx without a UCWA error body: IIS, a proxy, a load balancer.
    case infrastructureError(UCWAResponse)
    /// The request provably did not reach the server: the href was refused, authentication failed, the
    /// connection could not be established. Safe to send again unchanged.
    case notSent(UCWAClientError)
    /// The connection failed after the request was written: the server may or may not have acted on it.
    case ambiguous(UCWAClientError)

    /// The HTTP status, when a response arrived.
    public var httpStatus: Int? {
        switch self {
        case .success(let response), .ucwaError(let response, _), .infrastructureError(let response):
            response.status
        case .notSent, .ambiguous:
            nil
        }
    }

    /// The UCWA error, for ``ucwaError(_:_:)``.
    public var errorReason: ErrorReason? {
        if case .ucwaError(_, let reason) = self { return reason }
        return nil
    }

    /// The response, when one arrived.
    public var response: UCWAResponse? {
        switch self {
        case .success(let response), .ucwaError(let response, _), .infrastructureError(let response):
            response
        case .notSent, .ambiguous:
            nil
        }
    }

    /// Classifies a complete response by status and content type.
    static func classify(_ response: UCWAResponse) -> UCWAOutcome {
        guard response.status >= 400 else {
            return .success(response)
        }
        if response.hasUCWABody, let reason = try? response.decode(ErrorReason.self) {
            return .ucwaError(response, reason)
        }
        return .infrastructureError(response)
    }
}
