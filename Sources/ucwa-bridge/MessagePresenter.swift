import Foundation
import LocalAPIModels

/// The tables and lines that show requests to people.
enum MessagePresenter {
    /// One request: its fields one per line, then its attempts as a table.
    static func detail(_ message: MessageView) -> String {
        let fields: [[String]] = [
            ["id", message.id],
            ["state", message.state.rawValue],
            ["conversation log", message.conversationLog],
            ["content type", message.contentType],
            ["operation id", TableRenderer.cell(message.operationId)],
            ["idempotency key", TableRenderer.cell(message.idempotencyKey)],
            ["attempts", String(message.attempts.count)],
            ["next attempt at", HumanFormat.date(message.nextAttemptAt)],
            ["deadline", HumanFormat.date(message.deadline)],
            ["failure", failure(message.failure)],
            ["invitation", TableRenderer.cell(message.invitation)],
            ["created at", HumanFormat.date(message.createdAt)],
            ["updated at", HumanFormat.date(message.updatedAt)],
        ]
        let summary = TableRenderer().render(fields)
        guard !message.attempts.isEmpty else { return summary }
        return summary + "\n\n" + attempts(message.attempts)
    }

    /// A request's attempts, numbered from one.
    static func attempts(_ attempts: [AttemptView]) -> String {
        let table = TableRenderer(
            headers: ["#", "OPERATION ID", "STARTED AT", "HTTP", "CODE", "SUBCODE"],
            alignments: [.right, .left, .left, .right]
        )
        return table.render(
            attempts.enumerated().map { index, attempt in
                [
                    String(index + 1),
                    attempt.operationId,
                    HumanFormat.date(attempt.startedAt),
                    TableRenderer.cell(attempt.httpStatus.map(String.init)),
                    TableRenderer.cell(attempt.code),
                    TableRenderer.cell(attempt.subcode),
                ]
            }
        )
    }

    /// Requests one per line, or a sentence when there are none.
    static func list(_ messages: [MessageView]) -> String {
        guard !messages.isEmpty else { return "no requests" }
        let table = TableRenderer(
            headers: ["ID", "STATE", "ATTEMPTS", "UPDATED AT", "NEXT ATTEMPT AT", "CONVERSATION LOG"],
            alignments: [.left, .left, .right]
        )
        return table.render(
            messages.map { message in
                [
                    message.id,
                    message.state.rawValue,
                    String(message.attempts.count),
                    HumanFormat.date(message.updatedAt),
                    HumanFormat.date(message.nextAttemptAt),
                    message.conversationLog,
                ]
            }
        )
    }

    /// `ServiceFailure/CallbackChannelError: the sentence`, or `-`.
    static func failure(_ failure: FailureView?) -> String {
        guard let failure else { return TableRenderer.absent }
        let code = [failure.code, failure.subcode].compactMap { $0 }.joined(separator: "/")
        return "\(code): \(failure.message)"
    }

    /// The progress line `wait` prints on a terminal, such as
    /// `01JD: retryScheduled, 2 attempts, last 500 ServiceFailure/CallbackChannelError, next at 2026-...`.
    static func progress(_ message: MessageView) -> String {
        var parts = ["\(message.id): \(message.state.rawValue)"]
        let count = message.attempts.count
        parts.append(count == 1 ? "1 attempt" : "\(count) attempts")
        if let last = message.attempts.last {
            var answer: [String] = []
            if let status = last.httpStatus { answer.append(String(status)) }
            let code = [last.code, last.subcode].compactMap { $0 }.joined(separator: "/")
            if !code.isEmpty { answer.append(code) }
            if !answer.isEmpty { parts.append("last " + answer.joined(separator: " ")) }
        }
        if let next = message.nextAttemptAt {
            parts.append("next at \(HumanFormat.date(next))")
        }
        return parts.joined(separator: ", ")
    }
}
