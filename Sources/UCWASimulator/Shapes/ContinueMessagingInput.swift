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
    static let maximumOperationIdLength = 50

    var operationId: String?
    var messageHref: String?
    /// The decoded `message` data: URI; nil when there is none or it does not decode.
    private(set) var message: DataURI?

    /// Reads the body without checking limits (see `validate()`).
    init(_ request: SimulatorRequest) throws(RequestRejection) {
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
            throw RequestRejection(
                status: .unsupportedMediaType,
                body: UCWAErrorBody(
                    code: "UnsupportedMediaType",
                    subcode: nil,
                    message: "The content-type is not supported."
                )
            )
        }
    }

    private init(operationId: String?, messageHref: String?) {
        self.operationId = operationId
        self.messageHref = messageHref
        self.message = messageHref.flatMap(DataURI.init)
    }

    /// Checks the documented limits: operationId at most 50 characters, message a data: URI.
    func validate() throws(RequestRejection) {
        if let operationId, operationId.count > Self.maximumOperationIdLength {
            throw RequestRejection(
                status: .badRequest,
                body: .parameterValidation("operationId is longer than \(Self.maximumOperationIdLength) characters.")
            )
        }
        if messageHref != nil, message == nil {
            throw RequestRejection(status: .badRequest, body: .parameterValidation("message must be a data: URI."))
        }
    }

    private init(json body: [UInt8]) throws(RequestRejection) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            throw RequestRejection(
                status: .badRequest,
                body: .deserialization("The request body could not be deserialized.")
            )
        }
        func field(_ object: [String: Any], _ name: String) -> Any? {
            if let value = object[name] {
                return value
            }
            let wanted = name.lowercased()
            return object.first { $0.key.lowercased() == wanted }?.value
        }
        if let value = field(object, "operationId") {
            guard let text = value as? String else {
                throw RequestRejection(status: .badRequest, body: .parameterValidation("operationId must be a string."))
            }
            operationId = text
        }
        if let links = field(object, "_links") {
            guard let links = links as? [String: Any] else {
                throw RequestRejection(status: .badRequest, body: .deserialization("_links must be an object."))
            }
            if let message = field(links, "message") {
                guard let message = message as? [String: Any], let href = field(message, "href") as? String else {
                    throw RequestRejection(
                        status: .badRequest,
                        body: .parameterValidation("message must be a link with an href.")
                    )
                }
                messageHref = href
            }
        }
        message = messageHref.flatMap(DataURI.init)
    }

    private init(xml body: [UInt8]) throws(RequestRejection) {
        let reader = InputXMLReader()
        let parser = XMLParser(data: Data(body))
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        guard parser.parse(), reader.rootName == "input", reader.isComplete else {
            throw RequestRejection(
                status: .badRequest,
                body: .deserialization("The request body could not be deserialized.")
            )
        }
        operationId = reader.properties["operationId"]
        messageHref = reader.links["message"]
        message = messageHref.flatMap(DataURI.init)
    }
}

/// Collects `<property name>` texts and `<link rel href>` attributes of an `<input>` document.
/// Used by one parse on one thread only.
private final class InputXMLReader: NSObject, XMLParserDelegate {
    var rootName: String?
    var properties: [String: String] = [:]
    var links: [String: String] = [:]
    /// FoundationXML on Linux does not report a truncated document as an error, so the
    /// reader checks that the root element was closed.
    private(set) var isComplete = false
    private var depth = 0
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
        depth += 1
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
        depth -= 1
        if depth == 0 {
            isComplete = true
        }
        if elementName == "property", let name = currentProperty {
            properties[name] = text
            currentProperty = nil
        }
    }
}
