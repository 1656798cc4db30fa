/// A minimal XML writer for the UCWA XML payloads (protocol notes §3.5, §6.1).
struct XMLWriter: Sendable {
    static let namespace = "http://schemas.microsoft.com/rtc/2012/03/ucwa"

    private(set) var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
    private var open: [String] = []

    init() {}

    /// Opens `<name attributes...>`; attributes with a nil value are left out.
    mutating func open(_ name: String, _ attributes: [(String, String?)] = []) {
        text += "<" + name + Self.attributes(attributes) + ">"
        open.append(name)
    }

    mutating func close() {
        let name = open.removeLast()
        text += "</" + name + ">"
    }

    /// Writes `<name attributes.../>`.
    mutating func empty(_ name: String, _ attributes: [(String, String?)] = []) {
        text += "<" + name + Self.attributes(attributes) + "/>"
    }

    /// Writes `<name attributes...>text</name>`.
    mutating func element(_ name: String, _ attributes: [(String, String?)] = [], text content: String) {
        text += "<" + name + Self.attributes(attributes) + ">" + Self.escape(content) + "</" + name + ">"
    }

    private static func attributes(_ attributes: [(String, String?)]) -> String {
        var result = ""
        for (name, value) in attributes {
            guard let value else { continue }
            result += " " + name + "=\"" + escape(value) + "\""
        }
        return result
    }

    static func escape(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
