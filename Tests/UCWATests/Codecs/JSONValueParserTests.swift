import Foundation
import Testing

@testable import UCWA

@Suite struct JSONValueParserTests {
    /// What `JSONDecoder` makes of the same text, the reference the parser must agree with.
    private func decoded(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    private func parsed(_ text: String) throws -> JSONValue {
        try JSONValueParser.parse(Data(text.utf8))
    }

    @Test(arguments: [
        #"{}"#, #"[]"#, #""""#, #"0"#, #"-0.5e-3"#, #"1E+2"#, #"123456789012"#, #"true"#, #"false"#, #"null"#,
        #" { "a" : [ 1 , 2.5 , "x" , null , true , { } ] } "#,
        "{\"a\":\t\r\n1}",
        #"{"escapes":"\" \\ \/ \b \f \n \r \t","unicode":"\u00e9\u4e2d\uD83D\uDE00","raw":"é中😀"}"#,
        #"{"dup":1,"dup":2}"#,
        #"[[[[[[["deep"]]]]]]]"#,
    ])
    func agreesWithJSONDecoder(text: String) throws {
        #expect(try parsed(text) == decoded(text))
    }

    @Test func agreesWithJSONDecoderOnEventResponses() throws {
        for text in [Fixtures.eventsResponse, Fixtures.onlineMeetingInvitationEvents, Fixtures.emptyEventsResponse] {
            #expect(try parsed(text) == decoded(text))
        }
    }

    @Test(arguments: [
        "", " ", "{", #"{"a" 1}"#, #"{a:1}"#, "01", "-", "1.", ".5", "1e", "+1", "tru", "nul",
        #""unterminated"#, "\"tab\there\"", #""\x""#, #""\u12""#, #""\uD83D""#, #""\uDE00""#, #""\uD83Dx""#,
        "1 2", #"{} []"#, "1e999", "NaN",
    ])
    func refusesWhatIsNotJSON(text: String) throws {
        #expect(throws: JSONValueParser.SyntaxError.self) { try parsed(text) }
        #expect(throws: (any Error).self) { try decoded(text) }
    }

    @Test(arguments: [
        [0x22, 0xFF, 0x22] as [UInt8],  // a byte that never starts UTF-8
        [0x7B, 0x22, 0xC3, 0x22, 0x3A, 0x31, 0x7D],  // a truncated sequence in a key
        [0x22, 0x5C, 0x6E, 0xED, 0xA0, 0x80, 0x22],  // an encoded surrogate after an escape
    ])
    func refusesInvalidUTF8InStrings(bytes: [UInt8]) throws {
        #expect(throws: JSONValueParser.SyntaxError.self) { try JSONValueParser.parse(Data(bytes)) }
    }

    @Test(arguments: ["[1,]", #"{"a":1,}"#])
    func refusesTrailingCommasThatJSONDecoderAccepts(text: String) throws {
        #expect(throws: JSONValueParser.SyntaxError.self) { try parsed(text) }
    }

    @Test func refusesNestingDeeperThanTheLimit() throws {
        let limit = JSONValueParser.maximumDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(try parsed(deepest) != .null)
        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        let error = try #require(throws: JSONValueParser.SyntaxError.self) { try parsed(tooDeep) }
        #expect(error.reason == "nested too deeply")
        #expect(error.offset == limit)
    }

    @Test func namesWhereTheTextStopsBeingJSON() throws {
        let error = try #require(throws: JSONValueParser.SyntaxError.self) { try parsed(#"{"a":[1,2,}"#) }
        #expect(error.offset == 10)
    }
}
