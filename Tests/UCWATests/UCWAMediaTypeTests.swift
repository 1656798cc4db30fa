import Testing
import UCWA

@Suite struct UCWAMediaTypeTests {
    @Test(arguments: [
        ("application/json", UCWABodyFormat.json),
        ("application/json; charset=utf-8", .json),
        ("Application/JSON;Charset=\"UTF-8\"", .json),
        ("application/vnd.microsoft.com.ucwa+json", .json),
        ("application/xml", .xml),
        ("application/vnd.microsoft.com.ucwa+xml; charset=utf-8", .xml),
        ("application/vnd.microsoft.ucwa+xml", .xml),
    ])
    func ucwaMediaTypes(value: String, format: UCWABodyFormat) throws {
        let mediaType = try #require(UCWAMediaType(value))
        #expect(mediaType.bodyFormat == format)
    }

    @Test(arguments: [
        "text/html", "text/html; charset=utf-8", "text/xml", "application/problem+json", "multipart/batching",
    ])
    func otherMediaTypes(value: String) throws {
        #expect(try #require(UCWAMediaType(value)).bodyFormat == nil)
    }

    @Test(arguments: ["", "json", "/json", "application/", ";charset=utf-8"])
    func unparsable(value: String) {
        #expect(UCWAMediaType(value) == nil)
    }

    @Test func parameters() throws {
        let mediaType = try #require(UCWAMediaType("application/json; Charset=\"UTF-8\"; q=1"))
        #expect(mediaType.type == "application")
        #expect(mediaType.subtype == "json")
        #expect(mediaType.charset == "UTF-8")
        #expect(mediaType.parameters["q"] == "1")
        #expect(mediaType.description == "application/json; charset=UTF-8; q=1")
    }
}
