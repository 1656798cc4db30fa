/// The body of an event channel response (protocol notes §3.3–3.5).
struct EventResponseShape: Sendable {
    enum Continuation: String, Sendable {
        case next
        case resume
    }

    enum Kind: Sendable {
        /// `self`, `next` or `resume`, and the events (possibly none), grouped by sender.
        case batch(selfHref: String, continuation: Continuation, continuationHref: String, events: [ChannelEvent])
        /// A single `resync` link pointing at the first unacknowledged batch.
        case resync(selfHref: String, resyncHref: String)
    }

    var kind: Kind

    var json: JSONValue {
        switch kind {
        case .resync(_, let resyncHref):
            return .object([("_links", .object([("resync", .link(resyncHref))]))])
        case .batch(let selfHref, let continuation, let continuationHref, let events):
            var fields: [(String, JSONValue)] = [
                ("_links", .object([("self", .link(selfHref)), (continuation.rawValue, .link(continuationHref))]))
            ]
            let groups = Self.senderGroups(events)
            if !groups.isEmpty {
                fields.append(
                    (
                        "sender",
                        .array(
                            groups.map { group in
                                .object([
                                    ("rel", .string(group.rel)),
                                    ("href", .string(group.href)),
                                    ("events", .array(group.events.map(\.json))),
                                ])
                            }
                        )
                    )
                )
            }
            return .object(fields)
        }
    }

    var xml: String {
        var writer = XMLWriter()
        switch kind {
        case .resync(let selfHref, let resyncHref):
            writer.open("events", [("href", selfHref), ("xmlns", XMLWriter.namespace)])
            writer.empty("link", [("rel", "resync"), ("href", resyncHref)])
            writer.close()
        case .batch(let selfHref, let continuation, let continuationHref, let events):
            writer.open("events", [("href", selfHref), ("xmlns", XMLWriter.namespace)])
            writer.empty("link", [("rel", continuation.rawValue), ("href", continuationHref)])
            for group in Self.senderGroups(events) {
                writer.open("sender", [("rel", group.rel), ("href", group.href)])
                for event in group.events {
                    event.writeXML(to: &writer)
                }
                writer.close()
            }
            writer.close()
        }
        return writer.text
    }

    private struct SenderGroup {
        var rel: String
        var href: String
        var events: [ChannelEvent]
    }

    /// Consecutive events of one sender share a block; a sender recurs when order demands it.
    private static func senderGroups(_ events: [ChannelEvent]) -> [SenderGroup] {
        var groups: [SenderGroup] = []
        for event in events {
            if let last = groups.last, last.rel == event.senderRel, last.href == event.senderHref {
                groups[groups.count - 1].events.append(event)
            } else {
                groups.append(SenderGroup(rel: event.senderRel, href: event.senderHref, events: [event]))
            }
        }
        return groups
    }
}
