extension EventsResponse: JSONTreeDecodableResource {
    /// Decodes an events response from its parsed JSON, as its `Decodable` conformance does.
    init(json root: JSONValue) throws(UCWADecodingError) {
        let response = try JSONObjectReader(root, source: Self.resourceName)
        let links = try response.value("_links").map { value throws(UCWADecodingError) in
            try Links(json: JSONObjectReader(value, path: response.path(of: "_links"), source: response.source))
        }
        var senders: [EventSender] = []
        for (value, path) in try response.optionalArray("sender") {
            senders.append(try EventSender(json: JSONObjectReader(value, path: path, source: response.source)))
        }
        self.init(links: links ?? Links(), senders: senders)
    }
}

extension EventSender {
    fileprivate init(json sender: JSONObjectReader) throws(UCWADecodingError) {
        var events: [Event] = []
        for (value, path) in try sender.optionalArray("events") {
            events.append(try Event(json: JSONObjectReader(value, path: path, source: sender.source)))
        }
        self.init(rel: try sender.string("rel"), href: try sender.string("href"), events: events)
    }
}

extension Event {
    /// As `init(from:)`: a `reason` or `in` that does not decode is dropped, anything else wrong fails the response.
    fileprivate init(json event: JSONObjectReader) throws(UCWADecodingError) {
        let link = try Link(json: try event.object("link"))
        let collection = event.value("in").flatMap { value in
            try? Link(json: JSONObjectReader(value, path: event.path(of: "in"), source: event.source))
        }
        let type = EventType(rawValue: try event.string("type"))
        let status = try event.optionalString("status").map(EventStatus.init(rawValue:))
        let reason = event.value("reason").flatMap { try? $0.decode(ErrorReason.self, source: "reason") }
        let embedded = try event.value("_embedded").map { value throws(UCWADecodingError) in
            let members = try JSONObjectReader(value, path: event.path(of: "_embedded"), source: event.source).members
            return EmbeddedResources(members)
        }
        self.init(
            link: link,
            collection: collection,
            type: type,
            status: status,
            reason: reason,
            embedded: embedded ?? EmbeddedResources()
        )
    }
}
