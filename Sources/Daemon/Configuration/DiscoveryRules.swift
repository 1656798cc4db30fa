import Foundation

/// The checks of where discovery starts (`ucwa.discoveryURL`, `ucwa.signInAddress`).
enum DiscoveryRules {
    /// An absolute `https` URL with a host, or `http` toward a loopback host.
    static func discoveryURL(_ value: Sourced<String>, key: String) throws(ConfigurationError) -> URL {
        guard let url = URL(string: value.value), let scheme = url.scheme?.lowercased(),
            let host = url.host, !host.isEmpty
        else {
            throw value.refused(
                key,
                "must be an absolute https URL such as https://lyncdiscover.contoso.com, but is \"\(value.value)\""
            )
        }
        switch scheme {
        case "https":
            return url
        case "http" where LoopbackHost.contains(host):
            return url
        case "http":
            throw value.refused(
                key,
                "must use https; plain http is accepted only for loopback hosts (127.0.0.0/8, ::1, localhost), "
                    + "not for \(host)"
            )
        default:
            throw value.refused(key, "must be an https URL, but its scheme is \"\(scheme)\"")
        }
    }

    /// A `user@domain` address: one `@`, something on both sides, no blanks, a domain without empty labels.
    static func signInAddress(_ value: Sourced<String>, key: String) throws(ConfigurationError) -> String {
        let parts = value.value.split(separator: "@", omittingEmptySubsequences: false)
        let wellFormed =
            parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && !value.value.contains(where: \.isWhitespace)
            && !parts[1].split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty)
        guard wellFormed else {
            throw value.refused(
                key,
                "must look like user@domain, such as bridge@contoso.com, but is \"\(value.value)\""
            )
        }
        return value.value
    }
}
