import Bridge

extension APIError {
    /// The one mapping from the queue's errors to the API's: status and code by ``QueueError/Code``, the queue's
    /// reason as the message.
    init(_ error: QueueError) {
        let code: Code =
            switch error.code {
            case .notFound: .notFound
            case .notCancellable: .notCancellable
            case .operationIDInUse: .operationIdInUse
            case .hrefRefused: .hrefRefused
            case .deadlinePassed: .deadlinePassed
            case .storeFailure: .storeFailure
            case .shuttingDown: .shuttingDown
            }
        let message: String =
            switch error.code {
            case .hrefRefused: "conversationLog refused: \(error.reason)"
            case .storeFailure: "the request store failed; nothing was changed"
            default: error.reason
            }
        self.init(code, message)
    }
}
