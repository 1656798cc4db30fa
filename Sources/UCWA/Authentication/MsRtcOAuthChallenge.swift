import Foundation

/// The `MsRtcOAuth` challenge of a UCWA 401: where to get a token and which grant types the server accepts.
///
/// Servers send it as its own `WWW-Authenticate` header or in one value together with the `Bearer` challenge
/// (`Bearer trusted_issuers="…", client_id="…",MsRtcOAuth href="https://…/oauthtoken",grant_type="…"`), with
/// `href` quoted or not. `grant_type` is a comma-separated list inside one quoted string.
public struct MsRtcOAuthChallenge: Hashable, Sendable {
    /// The token endpoint.
    public var href: URL
    /// The grant types offered, in the server's order; empty when the challenge names none.
    public var grantTypes: [GrantType]

    /// Creates a challenge.
    public init(href: URL, grantTypes: [GrantType]) {
        self.href = href
        self.grantTypes = grantTypes
    }

    /// Finds the `MsRtcOAuth` challenge among all `WWW-Authenticate` header values of a response.
    ///
    /// - Throws: ``AuthenticationChallengeError`` when there is no `MsRtcOAuth` challenge, or its `href` is missing or
    ///   not an absolute `http`/`https` URL.
    public init(wwwAuthenticate headerValues: [String]) throws(AuthenticationChallengeError) {
        let challenges = headerValues.flatMap(AuthenticationChallenge.parse)
        guard let challenge = challenges.first(where: { $0.scheme.lowercased() == "msrtcoauth" }) else {
            throw AuthenticationChallengeError(
                code: .noMsRtcOAuthChallenge,
                reason: "no MsRtcOAuth challenge among \(headerValues.count) header value(s)"
            )
        }
        guard let hrefText = challenge.parameter("href"), !hrefText.isEmpty else {
            throw AuthenticationChallengeError(code: .missingHref, reason: "the MsRtcOAuth challenge has no href")
        }
        guard let href = URL(string: hrefText), let scheme = href.scheme?.lowercased(),
            scheme == "https" || scheme == "http", href.host != nil
        else {
            throw AuthenticationChallengeError(
                code: .invalidHref,
                reason: "the MsRtcOAuth href is not an absolute http(s) URL"
            )
        }
        let grantTypes = (challenge.parameter("grant_type") ?? "")
            .split(separator: ",")
            .map { $0.trimmingSpaces() }
            .filter { !$0.isEmpty }
            .map(GrantType.init(rawValue:))
        self.init(href: href, grantTypes: grantTypes)
    }

    /// Whether the server offers the `password` grant.
    public var offersPasswordGrant: Bool {
        grantTypes.contains(.password)
    }
}
