import Foundation
import Testing
import UCWA

@Suite struct DataURITests {
    @Test func incomingPercentEncodedMessage() throws {
        let uri = try DataURI(parsing: Fixtures.incomingMessageURI)
        #expect(uri.mediaType == "text/plain")
        #expect(uri.format == .plain)
        #expect(uri.charset == "utf-8")
        #expect(uri.text == "Hi Tosh\r\n")
    }

    @Test func utf8SpellingWithoutDash() throws {
        let uri = try DataURI(parsing: "data:text/plain;charset=utf8,Gr%C3%BC%C3%9Fe+%E2%9C%93")
        #expect(uri.charset == "utf8")
        #expect(uri.text == "Grüße ✓")
    }

    @Test func base64HTML() throws {
        let uri = try DataURI(parsing: "data:text/html;base64," + Data("<b>hi</b>".utf8).base64EncodedString())
        #expect(uri.format == .html)
        #expect(uri.charset == nil)
        #expect(uri.text == "<b>hi</b>")
    }

    @Test func base64WithCharsetAndUpperCaseScheme() throws {
        let uri = try DataURI(parsing: "DATA:Text/Plain;Charset=UTF-8;BASE64," + Data("x".utf8).base64EncodedString())
        #expect(uri.mediaType == "text/plain")
        #expect(uri.charset == "utf-8")
        #expect(uri.text == "x")
    }

    @Test func base64WithTheDocumentationsLineBreak() throws {
        let uri = try DataURI(parsing: "data:text/plain;base64,\n SGVsbG8=")
        #expect(uri.text == "Hello")
    }

    @Test func defaultMediaType() throws {
        let uri = try DataURI(parsing: "data:,A%20b")
        #expect(uri.mediaType == "text/plain")
        #expect(uri.text == "A b")
    }

    @Test func latin1() throws {
        #expect(try DataURI(parsing: "data:text/plain;charset=iso-8859-1,Gr%FC%DFe").text == "Grüße")
    }

    @Test(arguments: ["Grüße ✓", "<&>\"'", "", "line\r\nbreak", "emoji 👩‍💻 and 𝄞"])
    func encodeDecodeRoundTrip(text: String) throws {
        for format in MessageFormat.allCases {
            let encoded = DataURI.encode(text, format: format)
            #expect(encoded.hasPrefix("data:\(format.mediaType);base64,"))
            let decoded = try DataURI(parsing: encoded)
            #expect(decoded.text == text)
            #expect(decoded.format == format)
        }
    }

    @Test func encodingIsBase64OfUTF8() {
        #expect(DataURI.encode("Grüße ✓") == "data:text/plain;base64,R3LDvMOfZSDinJM=")
    }

    @Test(arguments: [
        ("http://example.com/", DataURIError.Code.notADataURI),
        ("dat", .notADataURI),
        ("", .notADataURI),
        ("data:text/plain;base64", .missingData),
        ("data:text/plain;base64,@@@", .invalidBase64),
        ("data:text/plain;base64,SGVsbG8", .invalidBase64),
        ("data:text/plain,%zz", .invalidPercentEncoding),
        ("data:text/plain,abc%4", .invalidPercentEncoding),
        ("data:text/plain;charset=koi8-r,abc", .unsupportedCharset),
        ("data:text/plain;base64,/w==", .undecodableText),
        ("data:text/plain;charset=utf-8,%FF%FE", .undecodableText),
    ])
    func malformedURIs(uri: String, code: DataURIError.Code) throws {
        let error = try #require(throws: DataURIError.self) {
            try DataURI(parsing: uri, source: "test")
        }
        #expect(error.code == code)
        #expect(error.source == "test")
    }

    @Test func invitationMessageLink() throws {
        let invitation = MessagingInvitation(
            links: Links([Link(rel: "message", href: DataURI.encode("Hallo"))])
        )
        #expect(try invitation.message()?.text == "Hallo")
    }
}
