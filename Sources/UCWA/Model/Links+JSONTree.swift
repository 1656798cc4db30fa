extension Link {
    /// As the synthesized `init(from:)`: `rel` and `href` strings, an optional `title`.
    init(json link: JSONObjectReader) throws(UCWADecodingError) {
        self.init(rel: try link.string("rel"), href: try link.string("href"), title: try link.optionalString("title"))
    }
}

extension Links {
    /// As `init(from:)`: each member is a link or a list of links; entries without a string `href` are skipped.
    init(json links: JSONObjectReader) {
        var all: [Link] = []
        for (rel, value) in links.members {
            for entry in value.arrayValue ?? [value] {
                guard let href = entry["href"]?.stringValue else { continue }
                all.append(Link(rel: rel, href: href, title: entry["title"]?.stringValue))
            }
        }
        self.init(all)
    }
}
