/// A UCWA hypermedia link: its relation, its href (relative or absolute, as the server sent it) and an
/// optional title.
///
/// Resolve ``href`` with ``UCWAOrigin/resolve(_:)`` before using it.
public struct Link: Hashable, Sendable, Codable {
    /// The link relation, for example `"next"` or `"messagingInvitation"`.
    public var rel: String
    /// The target, exactly as the server wrote it.
    public var href: String
    /// The optional human-readable title.
    public var title: String?

    /// Creates a link.
    public init(rel: String, href: String, title: String? = nil) {
        self.rel = rel
        self.href = href
        self.title = title
    }
}
