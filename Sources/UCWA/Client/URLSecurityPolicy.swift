import Foundation

/// The rule for every URL the client connects to: `https`, or plain `http` only to a loopback host
/// (127.0.0.0/8, `::1`, `localhost`), which is how the simulator and tests run.
enum URLSecurityPolicy {
    /// Whether `host` is a loopback host name or address.
    static func isLoopback(host: String) -> Bool {
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        }
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" {
            return true
        }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { octet in UInt8(octet) != nil }
    }

    /// Checks `url`; `source` names what it was for in the error.
    static func check(_ url: URL, source: String) throws(UCWAClientError) {
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw UCWAClientError(code: .invalidHref, reason: "not an absolute http(s) URL", source: source)
        }
        switch scheme {
        case "https":
            return
        case "http" where isLoopback(host: host):
            return
        case "http":
            throw UCWAClientError(
                code: .insecureURL,
                reason: "plain http is accepted only for loopback hosts, not for \(host)",
                source: source
            )
        default:
            throw UCWAClientError(code: .invalidHref, reason: "scheme '\(scheme)' is not http(s)", source: source)
        }
    }
}
