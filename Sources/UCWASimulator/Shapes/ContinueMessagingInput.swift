import Foundation
import NIOHTTP1

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The body of `POST continueMessaging` (protocol notes §5.3), in JSON
/// (`{"operationId": "...", "_links": {"message": {"href": "data:..."}}}`) or XML
/// (`<input xmlns="..."><property name="operationId">...</property><link rel="message" href="..."/></input>`).
/// Both fields are optional; an empty body is an empty input.
struct ContinueMessagingInput: Sendable {
    /// Why a body was refused.
    struct Rejection: Error, Sendable {
        var status: HTTPResponseStatus
        var body: UCWAErrorBody
    }

    static let maximumOperationIdLength = 50

    var operationId: String?
    var messageHref: String?

    /// Reads the body without checking limits (see `validate()`).
    init(_ request: SimulatorRequest) throws(Rejection) {
        let isBlank = request.body.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if isBlank {
            self.init(operationId: nil, messageHref: nil)
            return
        }
        switch request.mediaType {
        case nil, "application/json", "application/vnd.microsoft.com.ucwa+json":
            try self.init(json: request.body)
        case "application/xml", "application/vnd.microsoft.com.ucwa+xml", "text/xml":
            try self.init(xml: request.body)
        default:
            throw Rejection(
                status: .unsupportedMediaType,
                body: UCWAErrorBody(code: "UnsupportedMediaType", subcode: nil, message: "The content-type is not supported.")
            )
        }
    }

    private init(operationId: String?, messageHref: String?) {
        self.operationId = operationId
        self.messageHref = messageHref
    }

    /// Checks the documented limits: operationId at most 50 characters, message a data: URI.
    func validate() throws(Rejection) {
        if let operationId, operationId.count > Self.maximumOperationIdLength {
            throw Rejection(
                status: .badRequest,
                body: .parameterValidation("operationId is longer than \(Self.maximumOperationIdLength) characters.")
            )
        }
        if let messageHref, DataURI(messageHref) == nil {
            throw Rejection(status: .badRequest, body: .parameterValidation("message must be a data: URI."))
        }
    }

    private init(json body: [UInt8]) throws(Rejection) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            throw Rejection(status: .badRequest, body: .deserialization("The request body could not be deserialized."))
        }
        func field(_ object: [String: Any], _ name: String) -> Any? {
            object.first { $0.key.lowercased() == name.lowercased() }?.value
        }
        if let value = field(object, "operationId") {
            guard let text = value as? String else {
                throw Rejection(status: .badRequest, body: .parameterValidation("operationId must be a string."))
            }
            operationId = text
        }
        if let links = field(object, "_links") {
            guard let links = links as? [String: Any] else {
                throw Rejection(status: .badRequest, body: .deserialization("_links must be an object."))
            }
            if let message = field(links, "message") {
                guard let message = message as? [String: Any], let href = field(message, "href") as? String else {
                    throw Rejection(status: .badRequest, body: .parameterValidation("message must be a link with an href."))
                }
                messageHref = href
            }
        }
    }

    private init(xml body: [UInt8]) throws(Rejection) {
        let reader = InputXMLReader()
        let parser = XMLParser(data: Data(body))
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        guard parser.parse(), reader.rootName == "input" else {
            throw Rejection(status: .badRequest, body: .deserialization("The request body could not be deserialized."))
        }
        operationId = reader.properties["operationId"]
        messageHref = reader.links["message"]
    }
}

/// Collects `<property name>` texts and `<link rel href>` attributes of an `<input>` document.
/// Used by one parse on one thread only.
private final class InputXMLReader: NSObject, XMLParserDelegate {
    var rootName: String?
    var properties: [String: String] = [:]
    var links: [String: String] = [:]
    private var currentProperty: String?
    private var text = ""

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if rootName == nil {
            rootName = elementName
        }
        switch elementName {
        case "property":
            currentProperty = attributes["name"]
            text = ""
        case "link":
            if let rel = attributes["rel"], let href = attributes["href"] {
                links[rel] = href
            }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if currentProperty != nil {
            text += string
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "property", let name = currentProperty {
            properties[name] = text
            currentProperty = nil
        }
    }
}
