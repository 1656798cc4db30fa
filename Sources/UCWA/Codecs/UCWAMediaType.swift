/// A parsed `Content-Type` header value, used to tell UCWA bodies (JSON or XML) from infrastructure answers.
///
/// Type, subtype and parameter names are compared case-insensitively and stored in lower case; parameter values
/// keep their case with surrounding quotes removed.
public struct UCWAMediaType: Hashable, Sendable, CustomStringConvertible {
    /// The top-level type, for example `"application"`.
    public var type: String
    /// The subtype, for example `"vnd.microsoft.com.ucwa+json"`.
    public var subtype: String
    /// The parameters, for example `["charset": "utf-8"]`.
    public var parameters: [String: String]

    /// Parses a header value such as `application/json; charset=utf-8`; `nil` when it has no `type/subtype`.
    public init?(_ headerValue: String) {
        let parts = headerValue.split(separator: ";", omittingEmptySubsequences: false)
        let essence = parts[0].trimmingSpaces().lowercased()
        let halves = essence.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2, !halves[0].isEmpty, !halves[1].isEmpty else { return nil }
        self.type = String(halves[0])
        self.subtype = String(halves[1])
        var parameters: [String: String] = [:]
        for parameter in parts.dropFirst() {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            let name = parameter[..<equals].trimmingSpaces().lowercased()
            var value = parameter[parameter.index(after: equals)...].trimmingSpaces()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            guard !name.isEmpty else { continue }
            parameters[name] = value
        }
        self.parameters = parameters
    }

    /// The `charset` parameter, if any.
    public var charset: String? {
        parameters["charset"]
    }

    /// The UCWA body format this media type denotes, or `nil` when it is not a UCWA media type.
    ///
    /// JSON: `application/json`, `application/vnd.microsoft.com.ucwa+json`. XML: `application/xml`,
    /// `application/vnd.microsoft.com.ucwa+xml`, and `application/vnd.microsoft.ucwa+xml` (the spelling without
    /// `.com` of the versioning page).
    public var bodyFormat: UCWABodyFormat? {
        guard type == "application" else { return nil }
        switch subtype {
        case "json", "vnd.microsoft.com.ucwa+json", "vnd.microsoft.ucwa+json": return .json
        case "xml", "vnd.microsoft.com.ucwa+xml", "vnd.microsoft.ucwa+xml": return .xml
        default: return nil
        }
    }

    public var description: String {
        let rendered = parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return ([type + "/" + subtype] + rendered).joined(separator: "; ")
    }
}
