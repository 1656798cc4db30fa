/// Decoding of the XML event-channel representation (EventChannelDetails):
///
/// ```xml
/// <events href="…?ack=1" xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">
///   <link rel="next" href="…?ack=2"/>
///   <sender rel="communication" href="…">
///     <updated rel="communication" href="…"><resource rel="communication" href="…">…</resource></updated>
///     <added rel="presence" href="…"/>
///   </sender>
/// </events>
/// ```
///
/// The event type is the element name; its `rel`/`href` attributes are the event's link. A `<resource>` child becomes
/// an embedded resource (keyed by its `rel`, and by the event's link rel as in JSON), converted to the JSON shape:
/// `<property>` to a string member, `<propertyList>` to an array of strings, `<link>` to `_links`, nested
/// `<resource>` to `_embedded`.
///
/// Where `status` and `reason` go in XML is not documented. This decoder infers the shapes below from the
/// JSON representation and UCWA's XML conventions, and accepts them inside the event element:
/// `<property name="status">Success</property>`, and a nested `<reason>` element with `<code>`, `<subcode>` and
/// `<message>` children. The `operationId` is read, as in JSON, from the embedded resource's
/// `<property name="operationId">`. These are inferences, not documented facts.
extension EventsResponse: XMLDecodableResource {
    init(xml root: XMLElementNode) throws(UCWADecodingError) {
        guard root.name == "events" else {
            throw UCWADecodingError(
                code: .unexpectedStructure,
                reason: "expected an <events> root element, found <\(root.name)>",
                source: Self.resourceName
            )
        }
        var links: [Link] = []
        if let href = root.attributes["href"] {
            links.append(Link(rel: "self", href: href))
        }
        links += root.children("link").compactMap(\.linkAttributes)
        var senders: [EventSender] = []
        for sender in root.children("sender") {
            guard let rel = sender.attributes["rel"], let href = sender.attributes["href"] else {
                throw UCWADecodingError(
                    code: .unexpectedStructure,
                    reason: "a <sender> element lacks rel or href",
                    source: Self.resourceName
                )
            }
            var events: [Event] = []
            for element in sender.children {
                events.append(try Event(xml: element))
            }
            senders.append(EventSender(rel: rel, href: href, events: events))
        }
        self.init(links: Links(links), senders: senders)
    }
}

extension Event {
    fileprivate init(xml element: XMLElementNode) throws(UCWADecodingError) {
        guard let link = element.linkAttributes else {
            throw UCWADecodingError(
                code: .unexpectedStructure,
                reason: "the <\(element.name)> event lacks rel or href",
                source: EventsResponse.resourceName
            )
        }
        var embedded: [String: JSONValue] = [:]
        let resources = element.children("resource")
        for resource in resources {
            embedded[resource.attributes["rel"] ?? link.rel] = resource.resourceJSON
        }
        // JSON keys the embedded resource by the event's link rel even when the resource's own rel differs.
        if embedded[link.rel] == nil, let first = resources.first {
            embedded[link.rel] = first.resourceJSON
        }
        let status = element.children("property").first { $0.attributes["name"] == "status" }
        self.init(
            link: link,
            type: EventType(rawValue: element.name),
            status: status.map { EventStatus(rawValue: $0.text.trimmingWhitespace()) },
            reason: try element.child("reason").map { reason throws(UCWADecodingError) in
                try ErrorReason(xml: reason)
            },
            embedded: EmbeddedResources(embedded)
        )
    }
}

extension XMLElementNode {
    /// A link from this element's `rel`, `href` and optional `title` attributes.
    var linkAttributes: Link? {
        guard let rel = attributes["rel"], let href = attributes["href"] else { return nil }
        return Link(rel: rel, href: href, title: attributes["title"])
    }

    /// A `<resource>` element in the shape its JSON representation has.
    var resourceJSON: JSONValue {
        var members: [String: JSONValue] = [:]
        if let rel = attributes["rel"] {
            members["rel"] = .string(rel)
        }
        var links: [Link] = []
        if let href = attributes["href"] {
            links.append(Link(rel: "self", href: href))
        }
        var embedded: [String: [JSONValue]] = [:]
        for child in children {
            switch child.name {
            case "property":
                if let name = child.attributes["name"] {
                    members[name] = .string(child.text)
                }
            case "propertyList":
                if let name = child.attributes["name"] {
                    members[name] = .array(child.children("item").map { .string($0.text) })
                }
            case "link":
                if let link = child.linkAttributes {
                    links.append(link)
                }
            case "resource":
                embedded[child.attributes["rel"] ?? "resource", default: []].append(child.resourceJSON)
            default:
                continue
            }
        }
        if !links.isEmpty {
            members["_links"] = Self.json(Links(links))
        }
        if !embedded.isEmpty {
            members["_embedded"] = .object(embedded.mapValues { $0.count == 1 ? $0[0] : .array($0) })
        }
        return .object(members)
    }

    private static func json(_ links: Links) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for rel in links.rels {
            let entries: [JSONValue] = links.all(rel).map { link in
                var entry: [String: JSONValue] = ["href": .string(link.href)]
                if let title = link.title {
                    entry["title"] = .string(title)
                }
                return .object(entry)
            }
            object[rel] = entries.count == 1 ? entries[0] : .array(entries)
        }
        return .object(object)
    }
}
