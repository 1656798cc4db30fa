/// Why the dispatcher refused a request; nothing was stored or sent.
public struct SubmissionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of refusal.
    public enum Code: String, Sendable, Hashable {
        /// The conversationLog href cannot be resolved.
        case invalidHref
        /// The conversationLog href is outside the UCWA origin, or not under an application (no request forgery).
        case hrefOutsideApplication
        /// A request with this id is already known.
        case duplicateID
        /// A live request already uses this client-supplied operationId.
        case operationIDInUse
        /// The request is in a state the dispatcher does not take (terminal, or in flight from an earlier run).
        case notDispatchable
        /// The journal could not store the request.
        case notStored
        /// The dispatcher was shut down.
        case shutDown
    }

    public var code: Code
    public var reason: String
    /// Where the refusal came from.
    public var source: String

    public init(code: Code, reason: String, source: String = "submit") {
        self.code = code
        self.reason = reason
        self.source = source
    }

    public var description: String { "SubmissionError.\(code.rawValue) in \(source): \(reason)" }
}
