/// The `_links` object of a UCWA resource, keyed by link relation.
///
/// Decoding accepts each entry as a single object or as an array of objects (UCWA uses an array whenever a relation
/// may repeat, even with one element) and skips entries without a string `href`, such as the `"...":{}`
/// placeholders of the documentation. Encoding writes one link as an object and several as an array.
public struct Links: Hashable, Sendable {
    private var storage: [String: [Link]]

    /// Creates links from a list; links sharing a relation keep their order.
    public init(_ links: [Link] = []) {
        var storage: [String: [Link]] = [:]
        for link in links {
            storage[link.rel, default: []].append(link)
        }
        self.storage = storage
    }

    /// The first link with relation `rel`, if any.
    public subscript(rel: String) -> Link? {
        storage[rel]?.first
    }

    /// Every link with relation `rel`, in document order.
    public func all(_ rel: String) -> [Link] {
        storage[rel] ?? []
    }

    /// The relations present, sorted.
    public var rels: [String] {
        storage.keys.sorted()
    }

    /// Whether there are no links at all.
    public var isEmpty: Bool {
        storage.isEmpty
    }

    /// The `self` link.
    public var selfLink: Link? {
        self["self"]
    }
}

extension Links: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var links: [Link] = []
        for key in container.allKeys {
            let value = try container.decode(JSONValue.self, forKey: key)
            let entries = value.arrayValue ?? [value]
            for entry in entries {
                guard let href = entry["href"]?.stringValue else { continue }
                links.append(Link(rel: key.stringValue, href: href, title: entry["title"]?.stringValue))
            }
        }
        self.init(links)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (rel, links) in storage {
            let entries = links.map { link -> [String: String] in
                var entry = ["href": link.href]
                entry["title"] = link.title
                return entry
            }
            if entries.count == 1 {
                try container.encode(entries[0], forKey: AnyCodingKey(rel))
            } else {
                try container.encode(entries, forKey: AnyCodingKey(rel))
            }
        }
    }
}
