import Bridge
import Foundation
import LocalAPIModels
import UCWA

/// Turns the body of `POST /v1/messages` into a ``MessageDraft``, or says precisely what is wrong with it.
///
/// Order: JSON syntax (`malformedJSON`), unknown fields (`unknownField`), field types and presence (`invalidField`,
/// `missingField`), then each field's rule. The href's origin and application are checked by the queue.
struct SubmissionValidator {
    let rules: SubmissionRules
    let now: Date

    /// The fields of ``MessageSubmission``, the only ones accepted.
    static let fields: Set<String> = [
        "conversationLog", "message", "contentType", "operationId", "idempotencyKey", "deadline",
    ]

    /// The draft described by `body` (UTF-8 JSON).
    func draft(from body: [UInt8]) throws(APIError) -> MessageDraft {
        let data = Data(body)
        try checkShape(data)
        let submission = try decode(data)
        return try draft(from: submission)
    }

    /// Checks the syntax and the field names.
    private func checkShape(_ data: Data) throws(APIError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw APIError(.malformedJSON, "the body is not valid JSON")
        }
        guard let fields = object as? [String: Any] else {
            throw APIError(.malformedJSON, "the body must be a JSON object")
        }
        let unknown = fields.keys.filter { !Self.fields.contains($0) }.sorted()
        guard unknown.isEmpty else {
            let names = unknown.map { "\"\($0.prefix(60))\"" }.joined(separator: ", ")
            throw APIError(
                .unknownField,
                "unknown field\(unknown.count == 1 ? "" : "s") \(names); the fields are "
                    + Self.fields.sorted().joined(separator: ", ")
            )
        }
    }

    private func decode(_ data: Data) throws(APIError) -> MessageSubmission {
        do {
            return try APIJSON.decoder().decode(MessageSubmission.self, from: data)
        } catch let error as DecodingError {
            throw Self.describe(error)
        } catch {
            throw APIError(.malformedJSON, "the body could not be read")
        }
    }

    /// A decoding error as the field it concerns and what was expected.
    static func describe(_ error: DecodingError) -> APIError {
        switch error {
        case .keyNotFound(let key, _):
            return APIError(.missingField, "\(key.stringValue) is required")
        case .valueNotFound(_, let context):
            return APIError(.missingField, "\(field(context)) must not be null")
        case .typeMismatch(_, let context):
            let name = field(context)
            return APIError(
                .invalidField,
                name == "deadline" ? "deadline must be an ISO 8601 date string" : "\(name) must be a string"
            )
        case .dataCorrupted(let context):
            let name = field(context)
            if name == "deadline" {
                return APIError(.invalidField, "deadline must be an ISO 8601 date such as 2026-11-29T10:00:00Z")
            }
            return APIError(.malformedJSON, "the body could not be read")
        @unknown default:
            return APIError(.malformedJSON, "the body could not be read")
        }
    }

    private static func field(_ context: DecodingError.Context) -> String {
        context.codingPath.first?.stringValue ?? "the body"
    }

    /// Applies each field's rule.
    func draft(from submission: MessageSubmission) throws(APIError) -> MessageDraft {
        guard !submission.conversationLog.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw APIError(.hrefRefused, "conversationLog must not be empty: give the href of a conversation log")
        }
        guard !submission.message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw APIError(.invalidField, "message must not be empty")
        }
        let size = submission.message.utf8.count
        guard size <= rules.maximumMessageBytes else {
            throw APIError(
                .messageTooLarge,
                "message has \(size) bytes of UTF-8; at most \(rules.maximumMessageBytes) are accepted"
            )
        }
        return MessageDraft(
            conversationLog: submission.conversationLog,
            message: submission.message,
            contentType: try format(submission.contentType),
            operationID: try operationID(submission.operationId),
            idempotencyKey: try idempotencyKey(submission.idempotencyKey),
            deadline: try deadline(submission.deadline)
        )
    }

    private func format(_ contentType: String?) throws(APIError) -> MessageFormat {
        guard let contentType else { return .plain }
        guard let format = MessageFormat(rawValue: contentType) else {
            throw APIError(
                .unsupportedContentType,
                "contentType must be text/plain or text/html, not \(contentType.prefix(60))"
            )
        }
        return format
    }

    private func operationID(_ text: String?) throws(APIError) -> OperationID? {
        guard let text else { return nil }
        let limit = SubmissionRules.maximumOperationIDLength
        guard !text.isEmpty, text.utf8.count <= limit,
            text.unicodeScalars.allSatisfy(Self.isOperationIDCharacter)
        else {
            throw APIError(
                .invalidOperationId,
                "operationId must have 1 to \(limit) characters of A-Z, a-z, 0-9, '.', '_' and '-'"
            )
        }
        do {
            return try OperationID(validating: text)
        } catch {
            throw APIError(.invalidOperationId, "operationId: \(error.reason)")
        }
    }

    private static func isOperationIDCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": true
        default: false
        }
    }

    private func idempotencyKey(_ key: String?) throws(APIError) -> String? {
        guard let key else { return nil }
        guard !key.isEmpty, key.count <= rules.maximumIdempotencyKeyLength else {
            throw APIError(
                .invalidIdempotencyKey,
                "idempotencyKey must have 1 to \(rules.maximumIdempotencyKeyLength) characters"
            )
        }
        return key
    }

    private func deadline(_ deadline: Date?) throws(APIError) -> Date? {
        guard let deadline else { return nil }
        guard deadline > now else {
            throw APIError(.deadlinePassed, "deadline \(APIJSON.format(deadline)) is in the past")
        }
        return deadline
    }
}
