import Foundation

/// The `ucwa.hostMapping` entries, each written `host=base-URL` (`lyncdiscover.contoso.com=http://127.0.0.1:8443`):
/// connections to `host` go to the base URL's scheme, host and port instead. For test setups only.
enum HostMappingText {
    /// The entries as a table from lower-case host to base URL.
    static func parse(_ value: Sourced<[String]>, key: String) throws(ConfigurationError) -> [String: URL] {
        var table: [String: URL] = [:]
        for entry in value.value {
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[0].contains(where: \.isWhitespace) else {
                throw value.refused(key, "must list entries written host=URL, but lists \"\(entry)\"")
            }
            let host = parts[0].lowercased()
            guard let url = URL(string: String(parts[1])), let scheme = url.scheme?.lowercased(),
                scheme == "http" || scheme == "https", let target = url.host, !target.isEmpty
            else {
                throw value.refused(
                    key,
                    "must map \(host) to an http(s) base URL such as http://127.0.0.1:8443, not \"\(parts[1])\""
                )
            }
            guard table.updateValue(url, forKey: host) == nil else {
                throw value.refused(key, "maps \(host) more than once")
            }
        }
        return table
    }
}
