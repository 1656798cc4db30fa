import Foundation

/// A SIP address as people type it (`sip:Jane@Example.com`, `jane@example.com`), reduced to a
/// form that compares the way SIP URIs of users do here: without the `sip:` scheme, ignoring case.
struct SIPAddress: Hashable, Sendable, CustomStringConvertible {
    /// The address without `sip:`, lowercased, such as `jane@example.com`.
    let normalized: String

    /// `nil` when nothing is left once the scheme and surrounding spaces are removed.
    init?(_ text: String) {
        var address = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if address.hasPrefix("sip:") {
            address.removeFirst("sip:".count)
        }
        guard !address.isEmpty else { return nil }
        normalized = address
    }

    /// The address with its scheme, `sip:jane@example.com`.
    var description: String {
        "sip:\(normalized)"
    }
}
