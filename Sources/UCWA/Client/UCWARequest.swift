import NIOHTTP1

/// An authenticated request to a UCWA resource: a method, an href as UCWA gave it (relative or absolute, resolved
/// against the UCWA origin and refused outside it), an optional body and the format to ask for.
public struct UCWARequest: Sendable {
    /// `GET`, `POST` or `DELETE`.
    public var method: HTTPMethod
    /// The href, exactly as the server wrote it.
    public var href: String
    /// The body of a POST.
    public var body: RequestBody?
    /// The format of the `Accept` header.
    public var accept: UCWABodyFormat

    /// Creates a request.
    public init(method: HTTPMethod, href: String, body: RequestBody? = nil, accept: UCWABodyFormat = .json) {
        self.method = method
        self.href = href
        self.body = body
        self.accept = accept
    }

    /// `GET href`.
    public static func get(_ href: String, accept: UCWABodyFormat = .json) -> UCWARequest {
        UCWARequest(method: .GET, href: href, accept: accept)
    }

    /// `POST href` with `body`.
    public static func post(_ href: String, body: RequestBody, accept: UCWABodyFormat = .json) -> UCWARequest {
        UCWARequest(method: .POST, href: href, body: body, accept: accept)
    }

    /// `DELETE href`.
    public static func delete(_ href: String) -> UCWARequest {
        UCWARequest(method: .DELETE, href: href)
    }
}
