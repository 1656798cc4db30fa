import Foundation
import Testing

@testable import UCWA

/// The events response is decoded from a parsed tree (``JSONTreeDecodableResource``); it must give what its
/// `Decodable` conformance gives, and fail where that fails.
@Suite struct EventsResponseTreeTests {
    private func throughTree(_ text: String) throws -> EventsResponse {
        try TreeDecodingParity.throughTree(EventsResponse.self, text)
    }

    private func throughDecodable(_ text: String) throws -> EventsResponse {
        try TreeDecodingParity.throughDecodable(EventsResponse.self, text)
    }

    @Test(arguments: [
        Fixtures.eventsResponse,
        Fixtures.onlineMeetingInvitationEvents,
        Fixtures.emptyEventsResponse,
        #"{"_links":{"next":[{"href":"/a"},{"href":"/b","title":"t"},{"title":"no href"}],"resync":{"href":"/r"}}}"#,
        #"{"sender":[{"rel":"c","href":"/c","events":[{"link":{"rel":"x","href":"/x"},"type":"completed","#
            + #""status":"Failure","reason":{"code":"ServiceFailure","subcode":"CallbackChannelError"},"#
            + #""in":{"rel":"y","href":"/y"}}]}]}"#,
        #"{"sender":[{"rel":"c","href":"/c","events":[{"link":{"rel":"x","href":"/x"},"type":"added","#
            + #""reason":"not an error body","in":{"rel":7},"_embedded":null,"status":null}]}]}"#,
        #"{"sender":null,"_links":null}"#,
    ])
    func decodesWhatDecodableDecodes(text: String) throws {
        #expect(try throughTree(text) == throughDecodable(text))
    }

    @Test(arguments: [
        #"{"_links":"next"}"#,
        #"{"sender":{"rel":"communication"}}"#,
        #"{"sender":[{"rel":1,"href":"/c"}]}"#,
        #"{"sender":[{"href":"/c"}]}"#,
        #"{"sender":[{"rel":"c","href":"/c","events":[{"type":"added"}]}]}"#,
        #"{"sender":[{"rel":"c","href":"/c","events":[{"link":{"rel":"x"},"type":"added"}]}]}"#,
        #"{"sender":[{"rel":"c","href":"/c","events":[{"link":{"rel":"x","href":"/x"},"type":5}]}]}"#,
        #"{"sender":[{"rel":"c","href":"/c","events":[{"link":{"rel":"x","href":"/x"},"type":"added","#
            + #""status":1}]}]}"#,
        #"{"sender":[{"rel":"c","href":"/c","events":[{"link":{"rel":"x","href":"/x"},"type":"added","#
            + #""_embedded":[]}]}]}"#,
        #"[]"#,
    ])
    func failsWhereDecodableFails(text: String) throws {
        #expect(throws: UCWADecodingError.self) { try throughTree(text) }
        #expect(throws: (any Error).self) { try throughDecodable(text) }
    }

    /// Bodies the strict parser refuses but `JSONDecoder` takes: `decode(json:)` falls back and decodes them as
    /// before.
    @Test(arguments: [
        "\u{FEFF}" + #"{"_links":{"next":{"href":"/n"}}}"#,
        #"{"_links":{"next":{"href":"/n"},},"sender":[]}"#,
        #"{"_links":{"next":{"href":"/n"}},"sender":[{"rel":"c","href":"/c","events":[{"link":{"rel":"x","href":"/x"},"#
            + #""type":"completed","status":"Failure","reason":{"code":"X","debugInfo":{"n":1e400}}}]}]}"#,
        #"{"_links":{"next":{"href":"/n"}},"unread":"\uD800","sender":[]}"#,
    ])
    func decodesWhatOnlyJSONDecoderAccepts(text: String) throws {
        #expect(throws: JSONValueParser.SyntaxError.self) { try JSONValueParser.parse(Data(text.utf8)) }
        let response = try EventsResponse.decode(json: Data(text.utf8))
        #expect(response.next?.href == "/n")
        #expect(response == (try throughDecodable(text)))
    }

    @Test func errorsNameThePath() throws {
        let missing = try #require(throws: UCWADecodingError.self) {
            try throughTree(#"{"sender":[{"rel":"c","href":"/c","events":[{"type":"added"}]}]}"#)
        }
        #expect(missing.reason == "missing key 'link' at .sender[0].events[0]")
        let mistyped = try #require(throws: UCWADecodingError.self) {
            try throughTree(
                #"{"sender":[{"rel":"c","href":"/c","events":[{"link":{"rel":"x","href":"/x"},"type":5}]}]}"#
            )
        }
        #expect(mistyped.reason == "expected a string at .sender[0].events[0].type")
        #expect(mistyped.source == "eventsResponse")
    }
}
