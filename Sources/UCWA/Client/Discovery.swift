import Foundation
import Logging
import NIOHTTP1

/// Autodiscovery (protocol notes §1.1, §1.2): from the root URLs to the `applications` URL.
///
/// Each root is tried in order (`lyncdiscoverinternal` before `lyncdiscover`); a root fails on a connection error,
/// a non-200 answer, or a redirect that fails the security check, and the next one is tried. The `redirect` links
/// (and plain 3xx answers) are followed up to ``maximumHops``; the `user` link is fetched, its 401 challenge
/// answered with a token, and fetched again (it may itself redirect, with credentials resubmitted). Configuration
/// errors (bad credentials, insecure URLs) end discovery at once.
struct Discovery: Sendable {
    static let maximumHops = 8

    let configuration: UCWAClientConfiguration
    let transport: HTTPTransport
    let tokens: TokenProvider
    let logger: Logger

    private var securityCheck: RedirectSecurityCheck {
        RedirectSecurityCheck(
            signInDomain: configuration.signInDomain,
            trustedDomains: configuration.trustedRedirectDomains
        )
    }

    /// The `applications` URL.
    func run() async throws(UCWAClientError) -> URL {
        let roots = configuration.discovery.rootURLs
        guard !roots.isEmpty else {
            throw UCWAClientError(
                code: .invalidConfiguration,
                reason: "the sign-in address has no domain",
                source: "discovery"
            )
        }
        var failures: [String] = []
        for root in roots {
            do {
                let user = try await resolveRoot(root)
                let applications = try await resolveUser(user)
                logger.info("discovery succeeded", metadata: ["root": "\(root)", "applications": "\(applications)"])
                return applications
            } catch  where error.isConfigurationError && error.code != .redirectRefused {
                throw error
            } catch {
                logger.warning("discovery root failed", metadata: ["root": "\(root)", "error": "\(error)"])
                failures.append("\(root.host ?? root.absoluteString): \(error.reason)")
            }
        }
        throw UCWAClientError(
            code: .discoveryFailed,
            reason: failures.joined(separator: "; "),
            source: "discovery"
        )
    }

    /// Follows redirects from a root until a document with a `user` link; returns that link, resolved.
    private func resolveRoot(_ root: URL) async throws(UCWAClientError) -> URL {
        var url = root
        for _ in 0..<Self.maximumHops {
            let response = try await get(url, token: nil)
            if let target = try redirectTarget(of: response, from: url) {
                url = target
                continue
            }
            guard response.status == 200 else {
                throw UCWAClientError(
                    code: .discoveryFailed,
                    reason: "the root answered \(response.status)",
                    source: "discovery",
                    httpStatus: response.status
                )
            }
            let document = try decode(response)
            if let redirect = document.redirect {
                url = try follow(redirect.href, from: url)
                continue
            }
            guard let user = document.user else {
                throw UCWAClientError(code: .discoveryFailed, reason: "the root has no user link", source: "discovery")
            }
            return try absolute(user.href, relativeTo: url)
        }
        throw UCWAClientError(code: .discoveryFailed, reason: "too many redirects", source: "discovery")
    }

    /// Authenticates against the `user` resource and follows its redirects; returns the `applications` URL.
    private func resolveUser(_ user: URL) async throws(UCWAClientError) -> URL {
        var url = user
        var renewals = 0
        var hops = 0
        while hops < Self.maximumHops {
            let token = try await tokens.current()
            let response = try await get(url, token: token)
            if response.status == 401 {
                guard renewals < 2 else {
                    throw UCWAClientError(
                        code: .tokenRejected,
                        reason: "the user resource refused a fresh token",
                        source: "discovery",
                        httpStatus: 401
                    )
                }
                renewals += 1
                _ = try await tokens.renew(rejected: token, challengeHeaders: response.headers["WWW-Authenticate"])
                continue
            }
            hops += 1
            if let target = try redirectTarget(of: response, from: url) {
                url = target
                renewals = 0
                continue
            }
            guard response.status == 200 else {
                throw UCWAClientError(
                    code: .discoveryFailed,
                    reason: "the user resource answered \(response.status)",
                    source: "discovery",
                    httpStatus: response.status
                )
            }
            let document = try decode(response)
            if let applications = document.applications {
                return try absolute(applications.href, relativeTo: url)
            }
            if let redirect = document.redirect {
                url = try follow(redirect.href, from: url)
                renewals = 0
                continue
            }
            if let next = document.user {
                url = try absolute(next.href, relativeTo: url)
                continue
            }
            throw UCWAClientError(
                code: .discoveryFailed,
                reason: "the user resource has no applications link",
                source: "discovery"
            )
        }
        throw UCWAClientError(code: .discoveryFailed, reason: "too many redirects", source: "discovery")
    }

    private func get(_ url: URL, token: BearerToken?) async throws(UCWAClientError) -> UCWAResponse {
        var headers = HTTPHeaders()
        headers.add(name: "Accept", value: "application/json")
        if let token {
            headers.add(name: "Authorization", value: token.authorization)
        }
        switch await transport.exchange(.GET, url, headers: headers, source: "discovery") {
        case .response(let response):
            return response
        case .notSent(let error), .ambiguous(let error):
            throw error
        }
    }

    /// The target of a 3xx with `Location`, checked; `nil` for other statuses.
    private func redirectTarget(of response: UCWAResponse, from url: URL) throws(UCWAClientError) -> URL? {
        guard (300..<400).contains(response.status), let location = response.location else { return nil }
        return try follow(location, from: url)
    }

    private func follow(_ href: String, from url: URL) throws(UCWAClientError) -> URL {
        let target = try absolute(href, relativeTo: url)
        try securityCheck.check(from: configuration.hostMapping.map(url), to: configuration.hostMapping.map(target))
        logger.debug("following discovery redirect", metadata: ["target": "\(target)"])
        return target
    }

    private func decode(_ response: UCWAResponse) throws(UCWAClientError) -> DiscoveryDocument {
        do {
            return try response.decode(DiscoveryDocument.self)
        } catch {
            throw UCWAClientError(
                code: .discoveryFailed,
                reason: "the discovery document is not usable: \(error.code)",
                source: "discovery",
                httpStatus: response.status
            )
        }
    }

    private func absolute(_ href: String, relativeTo base: URL) throws(UCWAClientError) -> URL {
        guard let url = URL(string: href, relativeTo: base)?.absoluteURL, url.host != nil else {
            throw UCWAClientError(code: .invalidHref, reason: "a discovery href is not a URL", source: "discovery")
        }
        return url
    }
}
