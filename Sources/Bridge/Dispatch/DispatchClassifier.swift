import UCWA

/// Classifies UCWA outcomes exactly as DESIGN.md's "A request's life" says, for the two steps of an attempt.
///
/// - 500 `ServiceFailure/CallbackChannelError` → retry once a P-GET is parked.
/// - 429 and 408, any other 5xx (with or without a UCWA body), `notSent` → retry with backoff.
/// - 404 `ApplicationNotFound`, 410 `InactiveApplicationExpired` → application lost.
/// - 400, 403, 404, 409, 410 and any other 4xx → terminal, with the UCWA code and subcode (or, without a UCWA body,
///   the status's name and no subcode).
/// - `notSent` because the href is outside the UCWA origin or unresolvable → terminal
///   (``RequestFailure/hrefRefused``).
/// - `ambiguous`: for the POST, ``AttemptClassification/ambiguous``; for a GET, a plain retry.
public enum DispatchClassifier {
    /// Which step an outcome belongs to.
    public enum Step: String, Sendable {
        case conversationLog
        case continueMessaging
        case invitation
    }

    /// Classifies `outcome` of `step`.
    public static func classify(_ outcome: UCWAOutcome, step: Step) -> AttemptClassification {
        switch outcome {
        case .success(let response):
            return .accepted(location: response.location)
        case .ucwaError(let response, let reason):
            return classify(status: response.status, reason: reason, step: step)
        case .infrastructureError(let response):
            return classify(status: response.status, reason: nil, step: step)
        case .notSent(let error):
            if error.code == .hrefOutsideOrigin || error.code == .invalidHref {
                return .terminal(
                    RequestFailure(code: RequestFailure.hrefRefused, message: "\(step.rawValue): \(error.reason)")
                )
            }
            return .retry(.notSent)
        case .ambiguous:
            return step == .continueMessaging ? .ambiguous : .retry(.connectionLost)
        }
    }

    private static func classify(status: Int, reason: ErrorReason?, step: Step) -> AttemptClassification {
        if status == 500, reason?.code == .serviceFailure, reason?.subcode == .callbackChannelError {
            return .retry(.callbackChannelError)
        }
        if status == 404, reason?.subcode == .applicationNotFound {
            return .applicationLost
        }
        if status == 410, reason?.subcode == .inactiveApplicationExpired {
            return .applicationLost
        }
        if status == 429 || status == 408 {
            return .retry(.throttled)
        }
        if status >= 500 {
            return .retry(.serverError)
        }
        let failure: RequestFailure
        if let reason {
            failure = RequestFailure(
                reason: reason,
                fallback: "\(step.rawValue) answered \(status) \(reason.code)/\(reason.subcode?.rawValue ?? "-")"
            )
        } else {
            failure = RequestFailure(
                code: statusName(status),
                message: "\(step.rawValue) answered \(status) without a UCWA error body"
            )
        }
        return .terminal(failure)
    }

    /// The UCWA error code that matches an HTTP status, for answers without a UCWA body.
    static func statusName(_ status: Int) -> String {
        switch status {
        case 400: "BadRequest"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 405: "MethodNotAllowed"
        case 409: "Conflict"
        case 410: "Gone"
        case 412: "PreconditionFailed"
        case 413: "EntityTooLarge"
        case 415: "UnsupportedMediaType"
        default: "HTTP\(status)"
        }
    }
}
