import Foundation

/// The origin (scheme, host, port) of the UCWA service, against which its relative hrefs resolve.
///
/// "A relative URL is relative to the host portion of the main UCWA 2.0 URL." Scheme and host are stored in lower
/// case and the port is always explicit (80 for `http`, 443 for `https` when not given), so that
/// `https://FE1.contoso.com/` and `https://fe1.contoso.com:443/` are the same origin.
public struct UCWAOrigin: Hashable, Sendable, CustomStringConvertible {
    /// `http` or `https`.
    public let scheme: String
    /// The host name or address, in lower case, without IPv6 brackets.
    public let host: String
    /// The port, explicit even when it is the scheme's default.
    public let port: Int

    /// Creates an origin.
    ///
    /// - Throws: ``HrefError`` when the scheme is not `http`/`https`, the host is empty or the port is out of range.
    public init(scheme: String, host: String, port: Int? = nil) throws(HrefError) {
        let scheme = scheme.lowercased()
        guard let defaultPort = Self.defaultPort(for: scheme) else {
            throw HrefError(
                code: .unsupportedScheme,
                reason: "scheme '\(scheme)' is not http or https",
                source: "origin"
            )
        }
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        }
        guard !host.isEmpty else {
            throw HrefError(code: .missingHost, reason: "the host is empty", source: "origin")
        }
        let port = port ?? defaultPort
        guard (1...65535).contains(port) else {
            throw HrefError(code: .malformed, reason: "port \(port) is out of range", source: "origin")
        }
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// The origin of an absolute URL, for example the discovered `applications` URL.
    public init(url: URL) throws(HrefError) {
        try self.init(absolute: url.absoluteString, source: "origin")
    }

    /// The origin of an absolute URL string.
    public init(_ absoluteURL: String) throws(HrefError) {
        try self.init(absolute: absoluteURL, source: "origin")
    }

    private init(absolute: String, source: String) throws(HrefError) {
        let components = try Self.components(of: absolute, source: source)
        guard let scheme = components.scheme else {
            throw HrefError(code: .malformed, reason: "the URL is not absolute", source: source)
        }
        try self.init(scheme: scheme, host: components.host ?? "", port: components.port)
    }

    /// `scheme://host[:port]`, with the port only when it is not the scheme's default.
    public var description: String {
        let renderedHost = host.utf8.contains(UInt8(ascii: ":")) ? "[\(host)]" : host
        let renderedPort = port == Self.defaultPort(for: scheme) ? "" : ":\(port)"
        return "\(scheme)://\(renderedHost)\(renderedPort)"
    }

    /// Resolves an href as UCWA sends it (relative like `/ucwa/…`, or absolute) against this origin.
    ///
    /// A relative href keeps its path and query and takes this origin; an absolute href keeps its own origin, which
    /// may differ from this one (see ``contains(_:)``). Fragments are dropped.
    ///
    /// - Throws: ``HrefError`` for an empty or malformed href, a scheme other than `http`/`https`, user
    ///   information in the href, or a `.`/`..` path segment.
    public func resolve(_ href: String) throws(HrefError) -> ResolvedHref {
        guard !href.isEmpty else {
            throw HrefError(code: .empty, reason: "the href is empty")
        }
        let components = try Self.components(of: href, source: "href")
        let origin: UCWAOrigin
        if let scheme = components.scheme {
            origin = try UCWAOrigin(scheme: scheme, host: components.host ?? "", port: components.port)
        } else if components.host != nil {
            origin = try UCWAOrigin(scheme: self.scheme, host: components.host ?? "", port: components.port)
        } else {
            origin = self
        }
        var path = components.percentEncodedPath
        if !path.hasPrefix("/") {
            path = "/" + path
        }
        let hasDotSegment = path.split(separator: "/").contains { segment in
            // Byte scans: `contains(".")` with a string argument is Foundation's, which bridges to NSString.
            guard segment.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "%") }) else {
                return false
            }
            let decoded = segment.removingPercentEncoding ?? String(segment)
            return decoded == "." || decoded == ".."
        }
        guard !hasDotSegment else {
            throw HrefError(code: .dotSegment, reason: "the path has a '.' or '..' segment")
        }
        return ResolvedHref(origin: origin, path: path, query: components.percentEncodedQuery)
    }

    /// Whether `href` resolves to a URL on this origin. The daemon refuses hrefs for which this is `false`.
    public func contains(_ href: String) -> Bool {
        (try? resolve(href))?.origin == self
    }

    /// Whether two hrefs denote the same URL once resolved against this origin, for example
    /// `/ucwa/v1/applications/1` and `https://fe1.contoso.com:443/ucwa/v1/applications/1` when this origin is
    /// `https://fe1.contoso.com`. Unresolvable hrefs match nothing.
    public func hrefsMatch(_ first: String, _ second: String) -> Bool {
        guard let first = try? resolve(first), let second = try? resolve(second) else { return false }
        return first == second
    }

    private static func defaultPort(for scheme: String) -> Int? {
        switch scheme {
        case "http": 80
        case "https": 443
        default: nil
        }
    }

    private static func components(of string: String, source: String) throws(HrefError) -> URLComponents {
        guard let components = URLComponents(string: string) else {
            throw HrefError(code: .malformed, reason: "not a URI reference", source: source)
        }
        guard components.percentEncodedUser == nil, components.percentEncodedPassword == nil else {
            throw HrefError(code: .containsCredentials, reason: "the URL carries user information", source: source)
        }
        return components
    }
}
