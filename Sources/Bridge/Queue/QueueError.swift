/// Why the queue refused or could not do what it was asked; the local API maps ``Code`` to an HTTP status once.
public struct QueueError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// The conversationLog href is not a conversation log of the daemon's application on the UCWA origin.
        case hrefRefused
        /// The client-supplied operationId is used by another request.
        case operationIDInUse
        /// The deadline is already past.
        case deadlinePassed
        /// No request has this id.
        case notFound
        /// The request is in flight or finished and cannot be cancelled.
        case notCancellable
        /// The store failed; nothing was changed.
        case storeFailure
        /// The daemon is stopping and takes no new requests.
        case shuttingDown
    }

    public var code: Code
    public var reason: String
    public var source: String

    public init(code: Code, reason: String, source: String) {
        self.code = code
        self.reason = reason
        self.source = source
    }

    public var description: String { "QueueError.\(code.rawValue) in \(source): \(reason)" }
}
