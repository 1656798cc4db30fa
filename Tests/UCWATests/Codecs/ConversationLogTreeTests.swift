import Foundation
import Testing

@testable import UCWA

/// The conversation log the dispatcher reads before each attempt is decoded from a parsed tree; it must give what
/// its `Decodable` conformance gives, and where the tree decoder refuses, `decode(json:)` falls back to that.
@Suite struct ConversationLogTreeTests {
    private func throughTree(_ text: String) throws -> ConversationLog {
        try TreeDecodingParity.throughTree(ConversationLog.self, text)
    }

    private func throughDecodable(_ text: String) throws -> ConversationLog {
        try TreeDecodingParity.throughDecodable(ConversationLog.self, text)
    }

    @Test(arguments: [
        Fixtures.conversationLog,
        #"{}"#,
        #"{"creationTime":null,"modalities":null,"_links":null,"_embedded":null,"totalRecipientsCount":null}"#,
        #"{"creationTime":"2026-11-29T10:00:00Z","totalRecipientsCount":2,"_links":{"self":{"href":"/l"}},"#
            + #""_embedded":{"conversationLogRecipient":{"displayName":"Alice","sipUri":"sip:alice@contoso.com"}}}"#,
        #"{"_embedded":{"conversationLogRecipient":[],"other":{"x":1}},"unknown":[1,{"a":null}]}"#,
    ])
    func decodesWhatDecodableDecodes(text: String) throws {
        #expect(try throughTree(text) == throughDecodable(text))
    }

    @Test(arguments: [
        #"[]"#,
        #"{"creationTime":"yesterday"}"#,
        #"{"creationTime":5}"#,
        #"{"modalities":"Messaging"}"#,
        #"{"modalities":["Messaging",null]}"#,
        #"{"totalRecipientsCount":"2"}"#,
        #"{"totalRecipientsCount":2.5}"#,
        #"{"direction":1}"#,
        #"{"_links":[]}"#,
        #"{"_embedded":{"conversationLogRecipient":null}}"#,
        #"{"_embedded":{"conversationLogRecipient":[null]}}"#,
        #"{"_embedded":{"conversationLogRecipient":{"displayName":7}}}"#,
    ])
    func failsWhereDecodableFails(text: String) throws {
        #expect(throws: UCWADecodingError.self) { try throughTree(text) }
        #expect(throws: (any Error).self) { try throughDecodable(text) }
        #expect(throws: UCWADecodingError.self) { try ConversationLog.decode(json: Data(text.utf8)) }
    }
}
