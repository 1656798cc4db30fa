import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An element of a parsed XML document: local name, attributes, child elements and character data.
///
/// Namespaces are processed, so ``name`` is the local name whatever prefix the document used.
struct XMLElementNode: Hashable, Sendable {
    var name: String
    var attributes: [String: String]
    var children: [XMLElementNode]
    var text: String

    init(name: String, attributes: [String: String] = [:], children: [XMLElementNode] = [], text: String = "") {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The first child element named `name`.
    func child(_ name: String) -> XMLElementNode? {
        children.first { $0.name == name }
    }

    /// The child elements named `name`.
    func children(_ name: String) -> [XMLElementNode] {
        children.filter { $0.name == name }
    }

    /// Parses a document with FoundationXML's `XMLParser`; external entities are not resolved.
    static func parse(_ data: Data, source: String) throws(UCWADecodingError) -> XMLElementNode {
        guard !data.isEmpty else {
            throw UCWADecodingError(code: .emptyBody, reason: "the body is empty", source: source)
        }
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let builder = XMLTreeBuilder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw UCWADecodingError(code: .malformedSyntax, reason: "the body is not well-formed XML", source: source)
        }
        return root
    }
}

/// Builds an ``XMLElementNode`` tree from `XMLParser` callbacks; used synchronously by one parse only.
private final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [XMLElementNode] = []
    private(set) var root: XMLElementNode?

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        stack.append(XMLElementNode(name: elementName, attributes: attributeDict))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA cdataBlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: cdataBlock, as: UTF8.self)
    }

    func parser(
        _ parser: XMLParser,
        didEndElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        guard let element = stack.popLast() else { return }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }
}
