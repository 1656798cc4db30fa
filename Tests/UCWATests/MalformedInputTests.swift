import Foundation
import Testing
import UCWA

@Suite struct MalformedInputTests {
    private func decodingError(
        _ body: Data,
        contentType: String? = "application/json"
    ) throws -> UCWADecodingError {
        try #require(throws: UCWADecodingError.self) {
            try EventsResponse.decode(from: body, contentType: contentType)
        }
    }

    @Test func truncatedJSON() throws {
        let truncated = Fixtures.eventsResponse.utf8Data.prefix(200)
        #expect(try decodingError(Data(truncated)).code == .malformedSyntax)
    }

    @Test(arguments: [
        #"{"_links":"next"}"#,
        #"{"sender":{"rel":"communication"}}"#,
        #"{"sender":[{"rel":1,"href":"/c"}]}"#,
        #"{"sender":[{"rel":"c","href":"/c","events":[{"type":"added"}]}]}"#,
        #"{"sender":[{"rel":"c","href":"/c","events":[{"link":{"rel":"x","href":"/x"},"type":5}]}]}"#,
        #"[]"#,
        #""just a string""#,
    ])
    func wrongTypesAndMissingKeys(body: String) throws {
        let error = try decodingError(body.utf8Data)
        #expect(error.code == .unexpectedStructure)
        #expect(error.source == "eventsResponse")
    }

    @Test func errorNamesThePath() throws {
        let body = #"{"sender":[{"rel":"c","href":"/c","events":[{"link":{"rel":"x","href":"/x"},"type":5}]}]}"#
        let error = try decodingError(body.utf8Data)
        #expect(error.reason.contains("sender[0].events[0].type"))
    }

    @Test func invalidUTF8() throws {
        let body = Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D])
        #expect(try decodingError(body).code == .invalidUTF8)
    }

    @Test func emptyBody() throws {
        #expect(try decodingError(Data()).code == .emptyBody)
        #expect(try decodingError(Data(), contentType: "application/xml").code == .emptyBody)
    }

    @Test(arguments: ["text/html", "text/html; charset=utf-8", "text/plain", "application/octet-stream", "", "html"])
    func htmlBodyIsNotAUCWABody(contentType: String) throws {
        let html = "<html><head><title>401 - Unauthorized</title></head><body>IIS</body></html>".utf8Data
        #expect(try decodingError(html, contentType: contentType).code == .notAUCWABody)
    }

    @Test func missingContentTypeIsNotAUCWABody() throws {
        #expect(try decodingError(Fixtures.emptyEventsResponse.utf8Data, contentType: nil).code == .notAUCWABody)
    }

    @Test func htmlLabelledAsJSONIsMalformed() throws {
        let html = "<html><body>Service Unavailable</body></html>".utf8Data
        #expect(try decodingError(html).code == .malformedSyntax)
    }

    @Test(arguments: [
        "<events href=\"/e\"><link rel=\"next\" href=\"/n\"></events>",
        "<events",
        "not xml at all",
        "<?xml version=\"1.0\"?><events><sender rel=\"a\" href=\"/a\"><added rel=\"x\" href=\"/x\"></sender></events>",
    ])
    func malformedXML(body: String) throws {
        #expect(try decodingError(body.utf8Data, contentType: "application/xml").code == .malformedSyntax)
    }

    @Test(arguments: [
        "<html><body>error</body></html>",
        "<events><sender rel=\"a\"/></events>",
        "<events><sender rel=\"a\" href=\"/a\"><added rel=\"x\"/></sender></events>",
    ])
    func wellFormedXMLOfTheWrongShape(body: String) throws {
        #expect(try decodingError(body.utf8Data, contentType: "application/xml").code == .unexpectedStructure)
    }

    @Test func xmlErrorBodyWithoutCode() throws {
        let error = try #require(throws: UCWADecodingError.self) {
            try ErrorReason.decode(xml: "<reason><subcode>None</subcode></reason>".utf8Data)
        }
        #expect(error.code == .unexpectedStructure)
    }

    @Test func jsonErrorBodyWithoutCode() throws {
        let error = try #require(throws: UCWADecodingError.self) {
            try ErrorReason.decode(json: #"{"subcode":"None"}"#.utf8Data)
        }
        #expect(error.code == .unexpectedStructure)
        #expect(error.reason.contains("code"))
    }

    @Test func errorsNeverQuoteTheToken() throws {
        let body = #"{"access_token":"cwt=TOPSECRET","token_type":7}"#
        let error = try #require(throws: UCWADecodingError.self) {
            try TokenResponse.decode(json: body.utf8Data)
        }
        #expect(error.code == .unexpectedStructure)
        #expect(!error.description.contains("TOPSECRET"))
    }

    @Test func tokenErrorWithoutErrorValue() throws {
        let error = try #require(throws: UCWADecodingError.self) {
            try OAuthErrorResponse.decode(json: #"{"error_description":"x"}"#.utf8Data)
        }
        #expect(error.code == .unexpectedStructure)
    }

    @Test func badEmbeddedResourceIsATypedError() throws {
        let event = try decodeEvent(
            #"{"link":{"rel":"messagingInvitation","href":"/i"},"type":"started","#
                + #""_embedded":{"messagingInvitation":{"state":7}}}"#
        )
        #expect(event.operationId == nil)
        let error = try #require(throws: UCWADecodingError.self) {
            try event.embeddedResource(as: MessagingInvitation.self)
        }
        #expect(error.source == "_embedded.messagingInvitation")
        #expect(error.code == .unexpectedStructure)
    }

    @Test func badEmbeddedCommunicationFailsTheApplication() throws {
        let body = #"{"_embedded":{"communication":{"supportedModalities":"Messaging"}}}"#
        let error = try #require(throws: UCWADecodingError.self) {
            try Application.decode(json: body.utf8Data)
        }
        #expect(error.code == .unexpectedStructure)
        #expect(error.source == "_embedded.communication")
    }

    @Test func descriptionNamesCodeAndSource() {
        let error = UCWADecodingError(code: .notAUCWABody, reason: "HTML", source: "application")
        #expect(error.description == "UCWADecodingError.notAUCWABody decoding application: HTML")
    }
}
