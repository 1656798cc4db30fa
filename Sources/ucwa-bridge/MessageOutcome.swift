import LocalAPIModels

/// How `send --wait` and `wait` end: the final request printed, and the exit status of its state.
enum MessageOutcome {
    /// Prints `message`; when it was not delivered, adds a line on standard error saying why and
    /// throws the exit status of its state.
    static func finish(_ message: MessageView, output: Output) throws {
        try output.show(message) { MessagePresenter.detail(message) }
        let status = CLIExitCode(finalState: message.state) ?? .timedOut
        guard status != .success else { return }
        StandardStreams.printError(explanation(message))
        throw status.exitCode
    }

    /// The line for a request that was not delivered, such as
    /// `request 01JD failed: the sentence (ServiceFailure/CallbackChannelError)`.
    static func explanation(_ message: MessageView) -> String {
        let reason = message.failure.map { failure in
            let code = [failure.code, failure.subcode].compactMap { $0 }.joined(separator: "/")
            return ": \(failure.message) (\(code))"
        }
        switch message.state {
        case .failed: return "request \(message.id) failed\(reason ?? "")"
        case .cancelled: return "request \(message.id) was cancelled\(reason ?? "")"
        case .expired: return "request \(message.id) expired before delivery\(reason ?? "")"
        default: return "request \(message.id) is \(message.state.rawValue)\(reason ?? "")"
        }
    }
}
