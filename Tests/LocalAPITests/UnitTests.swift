import Foundation
import LocalAPIModels
import Testing

@testable import LocalAPI

/// The small pure parts: durations, the submission rules, the conversation log order.
struct WaitDurationTests {
    @Test(arguments: [
        ("500ms", Duration.milliseconds(500)), ("30s", .seconds(30)), ("2m", .seconds(120)),
        ("0s", .zero),
    ])
    func readsDurations(_ text: String, _ expected: Duration) {
        #expect(WaitDuration.parse(text) == expected)
    }

    @Test func capsAtTheMaximum() throws {
        #expect(try WaitDuration.wait("10m", maximum: .seconds(60)) == .seconds(60))
        #expect(throws: APIError.self) { try WaitDuration.wait("10 s", maximum: .seconds(60)) }
    }
}

struct SubmissionValidatorTests {
    let validator = SubmissionValidator(rules: SubmissionRules(), now: Date(timeIntervalSince1970: 1_800_000_000))

    private func error(_ json: String) -> APIError? {
        #expect(throws: APIError.self) { try validator.draft(from: Array(json.utf8)) }
    }

    @Test func buildsADraftWithDefaults() throws {
        let draft = try validator.draft(
            from: Array(#"{"conversationLog":"/x","message":"hi","contentType":null}"#.utf8)
        )
        #expect(draft.contentType == .plain)
        #expect(draft.operationID == nil && draft.idempotencyKey == nil && draft.deadline == nil)
    }

    @Test func namesEveryUnknownField() {
        let refused = error(#"{"conversationLog":"/x","message":"hi","b":1,"a":2}"#)
        #expect(refused?.code == .unknownField)
        #expect(refused?.message.hasPrefix(#"unknown fields "a", "b""#) == true)
    }

    @Test func refusesNullForARequiredField() {
        #expect(error(#"{"conversationLog":null,"message":"hi"}"#)?.code == .missingField)
    }
}

struct ConversationLogOrderTests {
    @Test func sortsNewestFirstAndUndatedLast() {
        func log(_ href: String, _ seconds: Double?) -> ConversationLogView {
            ConversationLogView(
                href: href,
                subject: nil,
                creationTime: seconds.map { Date(timeIntervalSince1970: $0) },
                recipients: []
            )
        }
        let logs = [log("a", 10), log("b", nil), log("c", 30), log("d", 20)]
        #expect(logs.sorted(by: ConversationLogDirectory.newestFirst).map(\.href) == ["c", "d", "a", "b"])
    }

    @Test func matchesRecipientsWithOrWithoutTheScheme() {
        let log = ConversationLogView(
            href: "x",
            subject: nil,
            creationTime: nil,
            recipients: [.init(name: "Alice", sipUri: "sip:Alice@Contoso.com")]
        )
        #expect(log.includes(sipURI: "alice@contoso.com"))
        #expect(log.includes(sipURI: "SIP:alice@contoso.com"))
        #expect(!log.includes(sipURI: "sip:bob@contoso.com"))
    }
}
