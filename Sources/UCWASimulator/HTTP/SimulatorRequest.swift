import NIOHTTP1

/// One complete HTTP request as the router sees it.
struct SimulatorRequest: Sendable {
    var method: HTTPMethod
    /// The path without the query, as sent (not decoded).
    var path: String
    /// Decoded query parameters; the first occurrence of a name wins.
    var query: [String: String]
    var headers: HTTPHeaders
    var body: [UInt8]

    init(method: HTTPMethod, uri: String, headers: HTTPHeaders, body: [UInt8]) {
        self.method = method
        self.headers = headers
        self.body = body
        if let mark = uri.firstIndex(of: "?") {
            self.path = String(uri[..<mark])
            self.query = PercentDecoding.formFields(uri[uri.index(after: mark)...]) ?? [:]
        } else {
            self.path = uri
            self.query = [:]
        }
    }

    /// The path's segments, without empty ones.
    var segments: [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// The media type of the body, lower-cased, without parameters.
    var mediaType: String? {
        headers.first(name: "content-type").map { Self.mediaType(of: $0) }
    }

    /// The XML media type the client asked for, echoed in the response's `Content-Type`: the
    /// first JSON or XML type in `Accept` decides.
    var xmlMediaType: String? {
        for value in headers["accept"] {
            for item in value.split(separator: ",") {
                let type = Self.mediaType(of: item)
                if type.hasSuffix("json") {
                    return nil
                }
                if type == "application/xml" || type == "application/vnd.microsoft.com.ucwa+xml" {
                    return type
                }
            }
        }
        return nil
    }

    /// The `cwt=...` token from `Authorization: Bearer cwt=...`, if any.
    var bearerToken: String? {
        guard let value = headers.first(name: "authorization") else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(Self.trimmed(parts[1]))
    }

    static func mediaType(of value: some StringProtocol) -> String {
        let type = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return trimmed(Substring(type)).lowercased()
    }

    /// The text without leading and trailing spaces and tabs.
    static func trimmed(_ text: Substring) -> Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return text[first...last]
    }
}
