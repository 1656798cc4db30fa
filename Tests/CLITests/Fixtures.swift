import Foundation
import LocalAPIModels

/// Requests and conversation logs to feed the code under test.
enum Fixtures {
    /// `2026-11-29T10:00:00Z` plus `seconds`.
    static func date(_ seconds: TimeInterval = 0) -> Date {
        Date(timeIntervalSince1970: 1_795_946_400 + seconds)
    }

    static func message(
        id: String = "01JD3Q8Z5W4K7N2M9P6R1T0V8X",
        state: MessageState = .accepted,
        conversationLog: String = "/ucwa/oauth/v1/applications/105/communication/conversationLogs/x1",
        attempts: [AttemptView] = [],
        nextAttemptAt: Date? = nil,
        deadline: Date = date(3_600),
        failure: FailureView? = nil,
        updatedAt: Date = date(1)
    ) -> MessageView {
        MessageView(
            id: id,
            state: state,
            conversationLog: conversationLog,
            contentType: "text/plain",
            operationId: nil,
            idempotencyKey: nil,
            attempts: attempts,
            nextAttemptAt: nextAttemptAt,
            deadline: deadline,
            failure: failure,
            invitation: nil,
            createdAt: date(),
            updatedAt: updatedAt
        )
    }

    static func attempt(status: Int? = 500, code: String? = "ServiceFailure", subcode: String? = nil) -> AttemptView {
        AttemptView(operationId: "77ab", startedAt: date(), httpStatus: status, code: code, subcode: subcode)
    }

    static func log(_ href: String, created: Date?, sipUris: [String?]) -> ConversationLogView {
        ConversationLogView(
            href: href,
            subject: "subject of \(href)",
            creationTime: created,
            recipients: sipUris.map { ConversationLogView.Recipient(name: nil, sipUri: $0) }
        )
    }
}
