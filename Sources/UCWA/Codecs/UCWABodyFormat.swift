/// The two body formats UCWA speaks; the configuration setting `ucwa.contentType` chooses one for requests.
public enum UCWABodyFormat: String, Hashable, Sendable, Codable, CaseIterable {
    case json
    case xml

    /// The `Content-Type` header value for a request body in this format.
    public var contentType: String {
        switch self {
        case .json: "application/json"
        case .xml: "application/xml"
        }
    }
}
