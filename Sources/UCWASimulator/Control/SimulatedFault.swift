/// An error the simulator answers instead of doing its normal work (the names are used by the
/// admin API). Faults apply after authentication on authenticated endpoints.
public enum SimulatedFault: String, Sendable, Codable, CaseIterable {
    /// 400 BadRequest/ParameterValidationFailure.
    case badRequest
    /// 403 Forbidden/None.
    case forbidden
    /// 409 Conflict/AlreadyExists.
    case alreadyExists
    /// 409 Conflict/TooManyGroups.
    case tooManyGroups
    /// 409 Conflict/None.
    case conflictNone
    /// 410 Gone/CannotRedirect.
    case cannotRedirect
    /// 410 Gone/InactiveApplicationExpired.
    case inactiveApplicationExpired
    /// 410 Gone/UserAgentNotAllowed.
    case userAgentNotAllowed
    /// 404 NotFound/ApplicationNotFound.
    case applicationNotFound
    /// 429 TooManyRequests/None (UCWA body; no `Retry-After`, as documented).
    case tooManyRequests
    /// 500 ServiceFailure/CallbackChannelError.
    case callbackChannelError
    /// 500 with an IIS-style `text/html` body and no UCWA error.
    case serviceFailureWithoutBody
    /// 502 with no body.
    case badGateway
    /// 503 with no body.
    case serviceUnavailable
    /// The connection is closed without any response; the request has no effect.
    case connectionClosed
    /// The request is carried out (for `continueMessaging`: its events are emitted), then the
    /// connection is closed without a response: "the request reached the server, the answer was
    /// lost".
    case acceptThenClose

    /// The response for the answering faults; nil for the two that close the connection.
    func response(for request: SimulatorRequest) -> SimulatorResponse? {
        switch self {
        case .badRequest:
            return .error(
                .badRequest,
                UCWAErrorBody(
                    code: "BadRequest",
                    subcode: "ParameterValidationFailure",
                    message: "A parameter value is not valid."
                ),
                for: request
            )
        case .forbidden:
            return .error(
                .forbidden,
                UCWAErrorBody(code: "Forbidden", subcode: "None", message: "The operation is not allowed."),
                for: request
            )
        case .alreadyExists:
            return .error(
                .conflict,
                UCWAErrorBody(code: "Conflict", subcode: "AlreadyExists", message: "The already exists error."),
                for: request
            )
        case .tooManyGroups:
            return .error(
                .conflict,
                UCWAErrorBody(code: "Conflict", subcode: "TooManyGroups", message: "The too many groups error."),
                for: request
            )
        case .conflictNone:
            return .error(
                .conflict,
                UCWAErrorBody(code: "Conflict", subcode: "None", message: "Un-supported Service/Resource/API error."),
                for: request
            )
        case .cannotRedirect:
            return .error(
                .gone,
                UCWAErrorBody(
                    code: "Gone",
                    subcode: "CannotRedirect",
                    message: "Cannot redirect since there is no back up pool configured."
                ),
                for: request
            )
        case .inactiveApplicationExpired:
            return .error(
                .gone,
                UCWAErrorBody(
                    code: "Gone",
                    subcode: "InactiveApplicationExpired",
                    message: "An inactive application expired."
                ),
                for: request
            )
        case .userAgentNotAllowed:
            return .error(
                .gone,
                UCWAErrorBody(
                    code: "Gone",
                    subcode: "UserAgentNotAllowed",
                    message: "The UserAgent is no longer supported."
                ),
                for: request
            )
        case .applicationNotFound:
            return .error(.notFound, .applicationNotFound, for: request)
        case .tooManyRequests:
            return .error(
                .tooManyRequests,
                UCWAErrorBody(
                    code: "TooManyRequests",
                    subcode: "None",
                    message: "Too many outstanding HTTP operations."
                ),
                for: request
            )
        case .callbackChannelError:
            return .error(.internalServerError, .callbackChannelError, for: request)
        case .serviceFailureWithoutBody:
            return .html(
                .internalServerError,
                "<html><head><title>500 - Internal server error.</title></head>"
                    + "<body><h1>Server Error</h1></body></html>"
            )
        case .badGateway:
            return SimulatorResponse(status: .badGateway)
        case .serviceUnavailable:
            return SimulatorResponse(status: .serviceUnavailable)
        case .connectionClosed, .acceptThenClose:
            return nil
        }
    }
}
