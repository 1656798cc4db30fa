import Foundation
import Testing
import UCWA

@Suite struct RequestEncodingTests {
    private func jsonObject(_ body: RequestBody) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: body.bytes) as? [String: Any])
    }

    private func messageHref(_ object: [String: Any]) -> String? {
        ((object["_links"] as? [String: Any])?["message"] as? [String: Any])?["href"] as? String
    }

    @Test(arguments: ["Grüße ✓", #"<&>"'"#, "plain"])
    func continueMessagingJSON(text: String) throws {
        let operationID = try OperationID(validating: "74cb7404e0a247d5a2d4eb0376a47dbf")
        let request = ContinueMessagingRequest(operationID: operationID, message: OutgoingMessage(text: text))
        let body = request.encoded(as: .json)
        #expect(body.contentType == "application/json")
        let object = try jsonObject(body)
        #expect(object["operationId"] as? String == "74cb7404e0a247d5a2d4eb0376a47dbf")
        let href = try #require(messageHref(object))
        #expect(href.hasPrefix("data:text/plain;base64,"))
        #expect(try DataURI(parsing: href).text == text)
    }

    @Test func continueMessagingJSONHasTheDocumentedShape() throws {
        let documented = try #require(
            try JSONSerialization.jsonObject(with: Fixtures.continueMessagingRequest.utf8Data) as? [String: Any]
        )
        let request = ContinueMessagingRequest(
            operationID: try OperationID(validating: documented["operationId"] as! String),
            message: OutgoingMessage(text: "x")
        )
        let encoded = try jsonObject(request.encoded(as: .json))
        #expect(Set(encoded.keys) == Set(documented.keys))
        #expect(encoded["operationId"] as? String == documented["operationId"] as? String)
        #expect(Set((encoded["_links"] as? [String: Any])?.keys ?? [:].keys) == ["message"])
    }

    @Test func continueMessagingHTML() throws {
        let request = ContinueMessagingRequest(
            operationID: .random(),
            message: OutgoingMessage(text: "<b>Grüße</b>", format: .html)
        )
        let href = try #require(messageHref(try jsonObject(request.encoded(as: .json))))
        #expect(href.hasPrefix("data:text/html;base64,"))
        #expect(try DataURI(parsing: href).text == "<b>Grüße</b>")
    }

    @Test func continueMessagingWithoutMessageHasNoLinks() throws {
        let request = ContinueMessagingRequest(operationID: try OperationID(validating: "op-1"))
        let object = try jsonObject(request.encoded(as: .json))
        #expect(object.count == 1)
        #expect(object["operationId"] as? String == "op-1")
        #expect(object["_links"] == nil)
    }

    @Test func operationIdWithSpecialCharactersSurvivesJSON() throws {
        let tricky = #"a"b\c/<&>'ü"#
        let request = ContinueMessagingRequest(operationID: try OperationID(validating: tricky))
        #expect(try jsonObject(request.encoded(as: .json))["operationId"] as? String == tricky)
    }

    @Test(arguments: ["Grüße ✓", #"<&>"'"#])
    func continueMessagingXML(text: String) throws {
        let tricky = #"id<&>"'ü"#
        let request = ContinueMessagingRequest(
            operationID: try OperationID(validating: tricky),
            message: OutgoingMessage(text: text, format: .html)
        )
        let body = request.encoded(as: .xml)
        #expect(body.contentType == "application/xml")
        let elements = try #require(XMLElementRecorder.record(body.bytes))
        #expect(elements.map(\.name) == ["input", "property", "link"])
        #expect(elements.allSatisfy { $0.namespaceURI == "http://schemas.microsoft.com/rtc/2012/03/ucwa" })
        #expect(elements[1].attributes["name"] == "operationId")
        #expect(elements[1].text == tricky)
        #expect(elements[2].attributes["rel"] == "message")
        let href = try #require(elements[2].attributes["href"])
        #expect(href.hasPrefix("data:text/html;base64,"))
        #expect(try DataURI(parsing: href).text == text)
    }

    @Test func continueMessagingXMLWithoutMessageMatchesTheDocumentedForm() throws {
        let request = ContinueMessagingRequest(operationID: try OperationID(validating: "74cb"))
        let xml = String(decoding: request.encoded(as: .xml).bytes, as: UTF8.self)
        #expect(
            xml.hasSuffix(
                #"<input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">"#
                    + #"<property name="operationId">74cb</property></input>"#
            )
        )
    }

    @Test func applicationCreationBody() throws {
        let request = try ApplicationCreationRequest(
            culture: "en-US",
            endpointId: "a917c6f4-976c-4cf3-847d-cdfffa28ccdf",
            userAgent: "ucwa-bridge \"1.0\""
        )
        let body = request.body
        #expect(body.contentType == "application/json")
        let object = try jsonObject(body)
        #expect(object.count == 3)
        #expect(object["culture"] as? String == "en-US")
        #expect(object["endpointId"] as? String == "a917c6f4-976c-4cf3-847d-cdfffa28ccdf")
        #expect(object["userAgent"] as? String == "ucwa-bridge \"1.0\"")
    }

    @Test func applicationCreationWithInstanceId() throws {
        let request = try ApplicationCreationRequest(culture: "de-DE", endpointId: "e", userAgent: "u", instanceId: "i")
        #expect(try jsonObject(request.body)["instanceId"] as? String == "i")
    }

    @Test func applicationCreationValidatesLengths() throws {
        let long = String(repeating: "x", count: 101)
        #expect(
            try ApplicationCreationRequest(culture: "en-US", endpointId: String(long.dropLast()), userAgent: "u")
                .endpointId.count == 100
        )
        let tooLong = try #require(throws: RequestValidationError.self) {
            try ApplicationCreationRequest(culture: "en-US", endpointId: "e", userAgent: long)
        }
        #expect(tooLong.code == .tooLong)
        #expect(tooLong.field == "userAgent")
        let empty = try #require(throws: RequestValidationError.self) {
            try ApplicationCreationRequest(culture: "", endpointId: "e", userAgent: "u")
        }
        #expect(empty.code == .empty)
        #expect(empty.field == "culture")
        let badInstance = try #require(throws: RequestValidationError.self) {
            try ApplicationCreationRequest(culture: "en-US", endpointId: "e", userAgent: "u", instanceId: long)
        }
        #expect(badInstance.field == "instanceId")
    }

    @Test func passwordGrantMatchesEncodeURIComponent() {
        let request = PasswordGrantRequest(username: "lenea@contoso.com", password: "pass@word1")
        #expect(request.body.contentType == "application/x-www-form-urlencoded;charset=UTF-8")
        #expect(
            String(decoding: request.body.bytes, as: UTF8.self)
                == "grant_type=password&username=lenea%40contoso.com&password=pass%40word1"
        )
    }

    @Test func passwordGrantEscapesEverythingButTheUnreservedSet() {
        let request = PasswordGrantRequest(username: "A-z_0.9!~*'()", password: "a b&c=d+é/?#%✓")
        #expect(
            String(decoding: request.body.bytes, as: UTF8.self)
                == "grant_type=password&username=A-z_0.9!~*'()&password=a%20b%26c%3Dd%2B%C3%A9%2F%3F%23%25%E2%9C%93"
        )
    }

    @Test func passwordGrantNeverShowsThePassword() {
        let request = PasswordGrantRequest(username: "bridge@contoso.com", password: "hunter2")
        var dumped = ""
        dump(request, to: &dumped)
        for text in [String(describing: request), String(reflecting: request), dumped] {
            #expect(!text.contains("hunter2"))
            #expect(text.contains("bridge@contoso.com"))
        }
    }

    @Test func bodyFormatContentTypes() {
        #expect(UCWABodyFormat.json.contentType == "application/json")
        #expect(UCWABodyFormat.xml.contentType == "application/xml")
        #expect(UCWABodyFormat(rawValue: "xml") == .xml)
    }
}
