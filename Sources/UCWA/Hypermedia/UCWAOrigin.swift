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
        if let relative = Self.plainAbsolutePath(href) {
            return try Self.resolved(path: relative.path, query: relative.query, origin: self)
        }
        return try resolveParsingComponents(href)
    }

    /// ``resolve(_:)`` through `URLComponents`, for every href, the empty one included (the general path; internal
    /// for parity tests).
    func resolveParsingComponents(_ href: String) throws(HrefError) -> ResolvedHref {
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
        return try Self.resolved(
            path: components.percentEncodedPath,
            query: components.percentEncodedQuery,
            origin: origin
        )
    }

    /// The href in its parts, once its dot segments are refused.
    private static func resolved(path: String, query: String?, origin: UCWAOrigin) throws(HrefError) -> ResolvedHref {
        var path = path
        if !path.hasPrefix("/") {
            path = "/" + path
        }
        guard !hasDotSegment(path) else {
            throw HrefError(code: .dotSegment, reason: "the path has a '.' or '..' segment")
        }
        return ResolvedHref(origin: origin, path: path, query: query)
    }

    /// Whether a segment of `path` is `.` or `..`, percent-encoded or not.
    private static func hasDotSegment(_ path: String) -> Bool {
        // Byte scans: `contains(".")` with a string argument is Foundation's, which bridges to NSString. Only a
        // segment holding a `.` or a `%` can be a dot segment; UCWA's own paths hold neither.
        let mayBeDot: (UInt8) -> Bool = { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "%") }
        guard path.utf8.contains(where: mayBeDot) else { return false }
        return path.split(separator: "/").contains { segment in
            guard segment.utf8.contains(where: mayBeDot) else { return false }
            let decoded = segment.removingPercentEncoding ?? String(segment)
            return decoded == "." || decoded == ".."
        }
    }

    /// The path and query of an href that starts with one `/` and holds only characters a URI path or query takes
    /// as they are (no `%`, no `#`, nothing to escape): what UCWA's own hrefs look like. `URLComponents` reads such
    /// an href the same way (the path up to the first `?`, the query after it), at a fraction of the cost; any other
    /// href is left to it.
    private static func plainAbsolutePath(_ href: String) -> (path: String, query: String?)? {
        let bytes = href.utf8
        guard bytes.first == UInt8(ascii: "/"), bytes.dropFirst().first != UInt8(ascii: "/") else { return nil }
        var queryStart: String.Index?
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte < 0x80, plainCharacters[Int(byte)] else { return nil }
            if byte == UInt8(ascii: "?"), queryStart == nil {
                queryStart = index
            }
        }
        guard let queryStart else { return (href, nil) }
        return (String(href[..<queryStart]), String(href[href.index(after: queryStart)...]))
    }

    /// ASCII characters that stand for themselves in a URI path or query (RFC 3986 `pchar` without `%`, plus `/`
    /// and `?`), indexed by code.
    private static let plainCharacters: [Bool] = (0..<128).map { code in
        let scalar = Unicode.Scalar(UInt8(code))
        if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) {
            return true
        }
        return "-._~!$&'()*+,;=:@/?".unicodeScalars.contains(scalar)
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
