import Foundation
import UCWA

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension String {
    /// The UTF-8 bytes of the text.
    var utf8Data: Data { Data(utf8) }
}

/// Decodes one event object, the shape of the §4.3 and §5.5 examples.
func decodeEvent(_ json: String) throws -> Event {
    try JSONDecoder().decode(Event.self, from: json.utf8Data)
}

/// The elements of an XML document as `XMLParser` reports them, for checking what the encoders wrote.
final class XMLElementRecorder: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var namespaceURI: String?
        var attributes: [String: String]
        var text: String
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    static func record(_ data: Data) -> [Element]? {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        let recorder = XMLElementRecorder()
        parser.delegate = recorder
        return parser.parse() ? recorder.elements : nil
    }

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        open.append(elements.count)
        elements.append(Element(name: elementName, namespaceURI: namespaceURI, attributes: attributeDict, text: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last {
            elements[index].text += string
        }
    }

    func parser(
        _ parser: XMLParser,
        didEndElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        open.removeLast()
    }
}
