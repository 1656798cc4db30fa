/// A UCWA resource as the event channel embeds it: properties, `_links`, `_embedded` and `rel`.
/// It renders to the JSON shape (protocol notes §3.4) and to the XML `<resource>` shape (§3.5).
struct ResourceShape: Sendable {
    enum Property: Sendable {
        case string(String)
        case bool(Bool)
        case int(Int64)
        case strings([String])
    }

    struct Link: Sendable {
        var rel: String
        var href: String
        var title: String?
    }

    enum Embedded: Sendable {
        case one(ResourceShape)
        case many([ResourceShape])
    }

    var rel: String
    var href: String
    var properties: [(String, Property)] = []
    /// Links besides `self`, which is always written first from `href`.
    var links: [Link] = []
    var embedded: [(String, Embedded)] = []

    var json: JSONValue {
        var fields: [(String, JSONValue)] = properties.map { name, property in
            switch property {
            case .string(let value): (name, .string(value))
            case .bool(let value): (name, .bool(value))
            case .int(let value): (name, .int(value))
            case .strings(let values): (name, .array(values.map { .string($0) }))
            }
        }
        var linkFields: [(String, JSONValue)] = [("self", .link(href))]
        linkFields += links.map { ($0.rel, .link($0.href, title: $0.title)) }
        fields.append(("_links", .object(linkFields)))
        if !embedded.isEmpty {
            fields.append(
                (
                    "_embedded",
                    .object(
                        embedded.map { key, value in
                            switch value {
                            case .one(let resource): (key, resource.json)
                            case .many(let resources): (key, .array(resources.map(\.json)))
                            }
                        }
                    )
                )
            )
        }
        fields.append(("rel", .string(rel)))
        return .object(fields)
    }

    /// Writes `<resource rel href>` with links, properties and embedded resources.
    /// Inference: embedded resources are nested `<resource>` elements whose `rel` is the
    /// embedding key; the docs show no XML example with embedded resources.
    func writeXML(to writer: inout XMLWriter, rel relOverride: String? = nil) {
        writer.open("resource", [("rel", relOverride ?? rel), ("href", href)])
        for link in links {
            writer.empty("link", [("rel", link.rel), ("href", link.href), ("title", link.title)])
        }
        for (name, property) in properties {
            switch property {
            case .string(let value): writer.element("property", [("name", name)], text: value)
            case .bool(let value): writer.element("property", [("name", name)], text: value ? "True" : "False")
            case .int(let value): writer.element("property", [("name", name)], text: String(value))
            case .strings(let values):
                writer.open("propertyList", [("name", name)])
                for value in values {
                    writer.element("item", text: value)
                }
                writer.close()
            }
        }
        for (key, value) in embedded {
            switch value {
            case .one(let resource):
                resource.writeXML(to: &writer, rel: key)
            case .many(let resources):
                for resource in resources {
                    resource.writeXML(to: &writer, rel: key)
                }
            }
        }
        writer.close()
    }
}
