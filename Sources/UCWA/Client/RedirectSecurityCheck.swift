import Foundation

/// The documented security check for a discovery `redirect` (protocol notes §1.2), plus two safe extensions.
///
/// The redirect is followed when any of these holds: the response came over HTTPS; the target host is the sign-in
/// domain or under it; the target host is in the trusted list (or under one of its domains); or (extension) the
/// target host is the host that answered, which cannot lead anywhere new. Otherwise it is refused.
struct RedirectSecurityCheck: Sendable {
    /// The sign-in domain, lower case.
    let signInDomain: String?
    /// Extra trusted domains, lower case.
    let trustedDomains: [String]

    init(signInDomain: String?, trustedDomains: [String]) {
        self.signInDomain = signInDomain?.lowercased()
        self.trustedDomains = trustedDomains.map { $0.lowercased() }
    }

    /// Checks a redirect from `responder` (the URL actually fetched) to `target`.
    func check(from responder: URL, to target: URL) throws(UCWAClientError) {
        guard let targetHost = target.host?.lowercased() else {
            throw UCWAClientError(code: .redirectRefused, reason: "the redirect has no host", source: "discovery")
        }
        if responder.scheme?.lowercased() == "https" { return }
        if responder.host?.lowercased() == targetHost { return }
        let domains = (signInDomain.map { [$0] } ?? []) + trustedDomains
        if domains.contains(where: { targetHost == $0 || targetHost.hasSuffix("." + $0) }) { return }
        throw UCWAClientError(
            code: .redirectRefused,
            reason: "a redirect to \(targetHost) over plain http fails the security check",
            source: "discovery"
        )
    }
}
