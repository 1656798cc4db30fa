import Foundation
import LocalAPIModels
import TestSupport
import Testing

/// ``MessageView/jsonBytes()`` writes what ``APIJSON/encoder()`` writes, byte for byte.
@Suite struct MessageViewJSONTests {
    static let awkwardTexts = [
        "", "plain", "sip:alice@contoso.com", "/ucwa/oauth/v1/applications/1/communication/conversationLogs/x?a=1&b=/",
        "quote \" backslash \\ slash /", "controls \u{0}\u{1}\u{8}\u{9}\u{a}\u{b}\u{c}\u{d}\u{1b}\u{1f} del \u{7f}",
        "Grüße ✓ <b>&amp;</b> 漢字 👋🏽 \u{2028}\u{2029} \u{feff}", "ends with backslash \\",
    ]

    @Test func aNewRequestIsWrittenAsTheEncoderWritesIt() throws {
        let view = MessageView(
            id: "0192f0e4-7a7c-7d2e-9b8a-1f2e3d4c5b6a",
            state: .accepted,
            conversationLog: "/ucwa/oauth/v1/applications/103/communication/conversationLogs/AAYA",
            contentType: "text/plain",
            operationId: nil,
            idempotencyKey: nil,
            attempts: [],
            nextAttemptAt: nil,
            deadline: Date(timeIntervalSince1970: 1_800_003_600.5),
            failure: nil,
            invitation: nil,
            createdAt: Date(timeIntervalSince1970: 1_800_000_000.123),
            updatedAt: Date(timeIntervalSince1970: 1_800_000_000.123)
        )
        try expectSameBytes(view)
    }

    @Test(arguments: awkwardTexts) func everyFieldIsWrittenAsTheEncoderWritesIt(_ text: String) throws {
        let view = MessageView(
            id: text,
            state: .retryScheduled,
            conversationLog: text,
            contentType: "text/html",
            operationId: text,
            idempotencyKey: text,
            attempts: [
                AttemptView(
                    operationId: text,
                    startedAt: Date(timeIntervalSince1970: 1.001),
                    httpStatus: 500,
                    code: text,
                    subcode: text
                ),
                AttemptView(
                    operationId: "b",
                    startedAt: Date(timeIntervalSince1970: 0),
                    httpStatus: nil,
                    code: nil,
                    subcode: nil
                ),
            ],
            nextAttemptAt: Date(timeIntervalSince1970: 1_800_000_001.999),
            deadline: Date(timeIntervalSince1970: 1_800_003_600),
            failure: FailureView(code: text, subcode: nil, message: text),
            invitation: text,
            createdAt: Date(timeIntervalSince1970: 1_800_000_000.001),
            updatedAt: Date(timeIntervalSince1970: 1_800_000_000.456)
        )
        try expectSameBytes(view)
    }

    /// Dates of every millisecond of a second and random ones, as the store keeps them (milliseconds).
    @Test func datesAreWrittenAsTheEncoderWritesThem() throws {
        var generator = SeededGenerator(seed: 23)
        for index in 0..<1000 {
            let milliseconds =
                index < 1000 / 2
                ? 1_800_000_000_000 + Int64(index)
                : Int64.random(in: 0..<4_000_000_000_000, using: &generator)
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let view = MessageView(
                id: "x",
                state: .delivered,
                conversationLog: "/l",
                contentType: "text/plain",
                operationId: "o",
                idempotencyKey: nil,
                attempts: [AttemptView(operationId: "o", startedAt: date, httpStatus: 201, code: nil, subcode: nil)],
                nextAttemptAt: date,
                deadline: date,
                failure: nil,
                invitation: nil,
                createdAt: date,
                updatedAt: date
            )
            try expectSameBytes(view)
        }
    }

    private func expectSameBytes(_ view: MessageView, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let encoded = try APIJSON.encoder().encode(view)
        let written = view.jsonBytes()
        #expect(
            Array(encoded) == written,
            "encoder: \(String(decoding: encoded, as: UTF8.self))\nwritten: \(String(decoding: written, as: UTF8.self))",
            sourceLocation: sourceLocation
        )
    }
}
