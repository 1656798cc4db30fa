/// One event on the event channel (protocol notes §3.4): its sender, its type, the target link,
/// the embedded resource and, for completed operations, `status` and `reason`.
struct ChannelEvent: Sendable {
    var senderRel: String
    var senderHref: String
    /// `added|updated|deleted` for resources, `started|updated|completed` for operations.
    var type: String
    var linkRel: String
    var linkHref: String
    var embedded: ResourceShape?
    var status: String?
    var reason: UCWAErrorBody?

    var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("link", .object([("rel", .string(linkRel)), ("href", .string(linkHref))]))
        ]
        if let status {
            fields.append(("status", .string(status)))
        }
        if let embedded {
            fields.append(("_embedded", .object([(linkRel, embedded.json)])))
        }
        if let reason {
            fields.append(("reason", reason.json))
        }
        fields.append(("type", .string(type)))
        return .object(fields)
    }

    /// Writes `<started rel href>...</started>` (the event type is the element name).
    /// Inference: `status` is `<property name="status">` and `reason` a `<reason>` element with
    /// `code`/`subcode`/`message` children inside the event element; the docs do not say.
    func writeXML(to writer: inout XMLWriter) {
        guard embedded != nil || status != nil || reason != nil else {
            writer.empty(type, [("rel", linkRel), ("href", linkHref)])
            return
        }
        writer.open(type, [("rel", linkRel), ("href", linkHref)])
        if let status {
            writer.element("property", [("name", "status")], text: status)
        }
        if let reason {
            writer.open("reason")
            reason.writeXMLChildren(to: &writer)
            writer.close()
        }
        embedded?.writeXML(to: &writer, rel: linkRel)
        writer.close()
    }
}
