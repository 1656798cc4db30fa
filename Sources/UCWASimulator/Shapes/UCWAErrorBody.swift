/// The common UCWA error structure: `code`, `subcode`, `message` (protocol notes §6.1).
/// Used for synchronous error bodies and for the `reason` of failed operations.
struct UCWAErrorBody: Sendable, Hashable {
    var code: String
    var subcode: String?
    var message: String

    var json: JSONValue {
        var fields: [(String, JSONValue)] = [("code", .string(code))]
        if let subcode {
            fields.append(("subcode", .string(subcode)))
        }
        fields.append(("message", .string(message)))
        return .object(fields)
    }

    /// `<code>`, `<subcode>` and `<message>` children, in that order.
    func writeXMLChildren(to writer: inout XMLWriter) {
        writer.element("code", text: code)
        if let subcode {
            writer.element("subcode", text: subcode)
        }
        writer.element("message", text: message)
    }
}
