import Foundation

/// The bearer tokens handed out by `/WebTicket/oauthtoken` and how long each one lives.
struct TokenIssuer: Sendable {
    private struct Grant: Sendable {
        var username: String
        var expiresAt: Duration
    }

    private var grants: [String: Grant] = [:]

    /// Issues a new `cwt=...` token for `username`, valid for `lifetime` from `now`.
    mutating func issue(for username: String, now: Duration, lifetime: Duration) -> String {
        grants = grants.filter { $0.value.expiresAt > now }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<24).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = "cwt=" + Data(bytes).base64EncodedString()
        grants[token] = Grant(username: username, expiresAt: now + lifetime)
        return token
    }

    /// The user a token belongs to, or nil when the token is unknown or has expired.
    func username(for token: String, now: Duration) -> String? {
        guard let grant = grants[token], grant.expiresAt > now else { return nil }
        return grant.username
    }

    /// Makes every token issued so far stop working.
    mutating func expireAll() {
        grants.removeAll()
    }
}
