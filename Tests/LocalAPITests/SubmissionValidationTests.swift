import Foundation
import LocalAPIModels
import Testing

/// Each rule of `POST /v1/messages`, through the socket; nothing is stored on any error.
struct SubmissionValidationTests {
    @Test func refusesBodiesThatAreNotJSONObjectsInUTF8() async throws {
        try await APIFixture.run { api in
            let valid = try JSONSerialization.data(withJSONObject: ["conversationLog": api.logHref, "message": "hi"])
            try await api.send(.POST, "/v1/messages", body: valid, contentType: "text/plain")
                .expectError(415, "unsupportedMediaType")
            try await api.send(.POST, "/v1/messages", body: valid, contentType: nil)
                .expectError(415, "unsupportedMediaType")
            try await api.send(.POST, "/v1/messages", body: valid, contentType: "application/json; charset=latin1")
                .expectError(415, "unsupportedMediaType")
            try await api.send(.POST, "/v1/messages", body: Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]))
                .expectError(400, "invalidUTF8")
            try await api.send(.POST, "/v1/messages", body: Data(#"{"message": "#.utf8))
                .expectError(400, "malformedJSON")
            try await api.send(.POST, "/v1/messages", body: Data("[]".utf8))
                .expectError(400, "malformedJSON")
            try await expectNothingStored(api)
        }
    }

    @Test func refusesABodyOverTheLimitWithoutStoringIt() async throws {
        try await APIFixture.run { api in
            let body = try JSONSerialization.data(
                withJSONObject: ["conversationLog": api.logHref, "message": String(repeating: "x", count: 70_000)]
            )
            try await api.send(.POST, "/v1/messages", body: body).expectError(413, "bodyTooLarge")
            try await expectNothingStored(api)
        }
    }

    @Test func namesUnknownMissingAndMistypedFields() async throws {
        try await APIFixture.run { api in
            let unknown = try await api.submit(["conversationLog": api.logHref, "message": "hi", "colour": "red"])
                .expectError(422, "unknownField")
            #expect(unknown.message.contains("colour"))
            let missing = try await api.submit(["conversationLog": api.logHref]).expectError(422, "missingField")
            #expect(missing.message.contains("message"))
            let mistyped = try await api.submit(["conversationLog": api.logHref, "message": 42])
                .expectError(422, "invalidField")
            #expect(mistyped.message.contains("message"))
            try await api.submit(["conversationLog": api.logHref, "message": "  "]).expectError(422, "invalidField")
            let badDate = try await api.submit(["conversationLog": api.logHref, "message": "hi", "deadline": "soon"])
                .expectError(422, "invalidField")
            #expect(badDate.message.contains("deadline"))
            try await expectNothingStored(api)
        }
    }

    @Test func refusesValuesOutsideTheirRules() async throws {
        try await APIFixture.run { api in
            func submit(_ extra: [String: Any]) async throws -> APIAnswer {
                var fields: [String: Any] = ["conversationLog": api.logHref, "message": "hi"]
                fields.merge(extra) { $1 }
                return try await api.submit(fields)
            }
            try await submit(["message": String(repeating: "é", count: 8193)]).expectError(422, "messageTooLarge")
            try await submit(["operationId": String(repeating: "a", count: 51)]).expectError(422, "invalidOperationId")
            try await submit(["operationId": "not allowed!"]).expectError(422, "invalidOperationId")
            try await submit(["operationId": ""]).expectError(422, "invalidOperationId")
            try await submit(["contentType": "text/markdown"]).expectError(422, "unsupportedContentType")
            try await submit(["deadline": "2001-01-01T00:00:00Z"]).expectError(422, "deadlinePassed")
            try await submit(["idempotencyKey": String(repeating: "k", count: 201)])
                .expectError(422, "invalidIdempotencyKey")
            try await submit(["conversationLog": ""]).expectError(422, "hrefRefused")
            try await submit(["conversationLog": "https://evil.example.com/ucwa/oauth/v1/applications/1/x"])
                .expectError(422, "hrefRefused")
            try await submit(["conversationLog": "/somewhere/else"]).expectError(422, "hrefRefused")
            try await expectNothingStored(api)
        }
    }

    @Test func acceptsTheLimitsThemselves() async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            let operationID = "Op." + String(repeating: "a-_", count: 15) + "12"
            let view = try await api.submitAccepted(
                String(repeating: "x", count: 16 * 1024),
                extra: [
                    "contentType": "text/html", "operationId": operationID,
                    "idempotencyKey": String(repeating: "k", count: 200),
                    "deadline": APIJSON.format(Date().addingTimeInterval(600)),
                ]
            )
            #expect(operationID.count == 50)
            #expect(view.contentType == "text/html")
            #expect(view.operationId == operationID)
            #expect(view.state == .accepted)
        }
    }

    /// `api.maxMessageBytes` reloaded: the running server checks the next submission against the new limit.
    @Test func aChangedMessageLimitAppliesToTheNextSubmission() async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            _ = try await api.submitAccepted(String(repeating: "x", count: 100))
            api.server.submissionLimits.set(maximumMessageBytes: 99, maximumWait: .seconds(60))
            try await api.submit(["conversationLog": api.logHref, "message": String(repeating: "x", count: 100)])
                .expectError(422, "messageTooLarge")
            _ = try await api.submitAccepted(String(repeating: "x", count: 99))
        }
    }

    /// A message limit above what 64 KiB of JSON can carry raises the body limit with it: a message the limit allows
    /// is not refused for its body's size (before, anything past 64 KiB of body got `413`).
    @Test func aMessageLimitAboveTheDefaultBodyLimitRaisesIt() async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            let large = String(repeating: "x", count: 100 * 1024)
            try await api.submit(["conversationLog": api.logHref, "message": large]).expectError(413, "bodyTooLarge")
            api.server.submissionLimits.set(maximumMessageBytes: 100 * 1024, maximumWait: .seconds(60))
            #expect(try await api.submitAccepted(large).state == .accepted)
            // A body beyond what the raised limit needs (four bytes per byte of message) is still refused unread.
            let huge = String(repeating: "x", count: 401 * 1024)
            try await api.submit(["conversationLog": api.logHref, "message": huge]).expectError(413, "bodyTooLarge")
        }
    }

    @Test func refusesAnOperationIDAnotherRequestUses() async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            let first = try await api.submitAccepted(extra: ["operationId": "job-42"])
            try await api.submit(["conversationLog": api.logHref, "message": "again", "operationId": "job-42"])
                .expectError(409, "operationIdInUse")
            let list = try await api.send(.GET, "/v1/messages").decode(MessageList.self)
            #expect(list.messages.map(\.id) == [first.id])
        }
    }

    private func expectNothingStored(_ api: APIFixture, sourceLocation: SourceLocation = #_sourceLocation)
        async throws
    {
        let list = try await api.send(.GET, "/v1/messages").decode(MessageList.self)
        #expect(list.messages.isEmpty, "stored: \(list.messages.map(\.id))", sourceLocation: sourceLocation)
    }
}
