import Foundation
import Logging
import NIOHTTP1

/// Obtains and renews bearer tokens: the `password` grant against the `MsRtcOAuth` href of the latest 401
/// challenge, or a token file. One renewal runs at a time; callers that saw the same rejected token share it.
///
/// Tokens and passwords never reach a log line or an error.
actor TokenProvider {
    private let source: CredentialSource
    private let transport: HTTPTransport
    private let clock: ClientClock
    private let refreshShare: Double
    private let logger: Logger
    private var token: BearerToken?
    private var challenge: MsRtcOAuthChallenge?
    private var serial = 0
    private var renewal: Task<Result<BearerToken, UCWAClientError>, Never>?
    private let refreshBackoff: Backoff
    private let jitter: JitterSource
    /// Failed proactive refreshes since the last token was obtained.
    private var refreshFailures = 0
    /// When the next proactive refresh may be tried after a failed one, on the client clock.
    private var refreshRetryAt: Duration?

    init(
        source: CredentialSource,
        transport: HTTPTransport,
        clock: ClientClock,
        refreshShare: Double,
        refreshBackoff: Backoff = .standard,
        jitter: JitterSource = .system(),
        logger: Logger
    ) {
        self.source = source
        self.transport = transport
        self.clock = clock
        self.refreshShare = min(max(refreshShare, 0.1), 1)
        self.refreshBackoff = refreshBackoff
        self.jitter = jitter
        self.logger = logger
    }

    /// The token to send now, refreshed first when its refresh time has come; `nil` when none is known yet (the
    /// password grant needs a challenge first).
    ///
    /// A proactive refresh that fails for a transient reason keeps the old token (still valid until it expires)
    /// and moves the next proactive attempt out with backoff, so that requests do not each wait for a token POST
    /// while the token endpoint is down; the server will say 401 when the token really expired, and that path
    /// re-authenticates at once.
    func current() async throws(UCWAClientError) -> BearerToken? {
        if token == nil, case .tokenFile = source {
            return try await renew(rejected: nil, challengeHeaders: [])
        }
        guard let token, let refreshAt = token.refreshAt, clock.now >= max(refreshAt, refreshRetryAt ?? refreshAt),
            challenge != nil
        else {
            return token
        }
        logger.debug("refreshing the token before it expires")
        do {
            return try await renew(rejected: token, challengeHeaders: [])
        } catch  where !error.isConfigurationError {
            let delay = refreshBackoff.delay(attempt: refreshFailures, jitter: jitter)
            refreshFailures += 1
            refreshRetryAt = clock.now + delay
            logger.warning(
                "proactive token refresh failed; keeping the current token",
                metadata: ["error": "\(error)", "attempt": "\(refreshFailures)", "retryIn": "\(delay)"]
            )
            return token
        }
    }

    /// A token to replace `rejected` (the one sent with a request that got 401, or `nil` when none was sent).
    ///
    /// `challengeHeaders` are the 401's `WWW-Authenticate` values; their `MsRtcOAuth` href becomes the token
    /// endpoint. When another caller already replaced `rejected`, its token is returned without a new grant.
    func renew(rejected: BearerToken?, challengeHeaders: [String]) async throws(UCWAClientError) -> BearerToken {
        if let token, token.serial != rejected?.serial {
            return token
        }
        if !challengeHeaders.isEmpty, let parsed = try? MsRtcOAuthChallenge(wwwAuthenticate: challengeHeaders) {
            challenge = parsed
        }
        if let renewal {
            return try await renewal.value.get()
        }
        let task = Task { await self.acquire(replacing: rejected) }
        renewal = task
        let result = await task.value
        renewal = nil
        if case .success(let token) = result {
            self.token = token
            refreshFailures = 0
            refreshRetryAt = nil
        }
        return try result.get()
    }

    private func acquire(replacing rejected: BearerToken?) async -> Result<BearerToken, UCWAClientError> {
        do {
            switch source {
            case .tokenFile(let path):
                return .success(try readTokenFile(path, rejected: rejected))
            case .password(let username, let passwordFile):
                return .success(try await passwordGrant(username: username, passwordFile: passwordFile))
            }
        } catch {
            return .failure(error)
        }
    }

    private func readTokenFile(_ path: String, rejected: BearerToken?) throws(UCWAClientError) -> BearerToken {
        let content = try SecretFile.read(path, what: "token")
        let authorization = content.lowercased().hasPrefix("bearer ") ? content : "Bearer " + content
        if let rejected, rejected.authorization == authorization {
            throw UCWAClientError(
                code: .tokenRejected,
                reason: "the server refused the token in \(path) and the file holds no other",
                source: "token",
                httpStatus: 401
            )
        }
        serial += 1
        logger.info("bearer token read from file", metadata: ["file": "\(path)"])
        return BearerToken(authorization: authorization, refreshAt: nil, serial: serial)
    }

    private func passwordGrant(username: String, passwordFile: String) async throws(UCWAClientError) -> BearerToken {
        guard let challenge else {
            throw UCWAClientError(
                code: .tokenEndpointFailed,
                reason: "no MsRtcOAuth challenge has named a token endpoint yet",
                source: "token"
            )
        }
        guard challenge.grantTypes.isEmpty || challenge.offersPasswordGrant else {
            throw UCWAClientError(
                code: .noPasswordGrant,
                reason: "the server offers \(challenge.grantTypes.map(\.rawValue)), not the password grant",
                source: "token"
            )
        }
        let password = try SecretFile.read(passwordFile, what: "password")
        let body = PasswordGrantRequest(username: username, password: password).body
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: body.contentType)
        headers.add(name: "Accept", value: "application/json")
        let started = clock.now
        let result = await transport.exchange(
            .POST,
            challenge.href,
            headers: headers,
            body: body.bytes,
            source: "token"
        )
        let response: UCWAResponse
        switch result {
        case .response(let received):
            response = received
        case .notSent(let error), .ambiguous(let error):
            throw UCWAClientError(code: .tokenEndpointFailed, reason: error.reason, source: "token")
        }
        guard response.status == 200 else {
            throw Self.grantError(response)
        }
        let token: TokenResponse
        do {
            token = try response.decode(TokenResponse.self)
        } catch {
            throw UCWAClientError(
                code: .tokenEndpointFailed,
                reason: "the token response is not usable: \(error.code)",
                source: "token",
                httpStatus: 200
            )
        }
        serial += 1
        let refreshAt = token.expiresIn.map { started + .seconds(Double($0) * refreshShare) }
        logger.info(
            "token obtained",
            metadata: ["expiresIn": "\(token.expiresIn.map(String.init) ?? "unknown")", "serial": "\(serial)"]
        )
        return BearerToken(authorization: token.authorizationHeaderValue, refreshAt: refreshAt, serial: serial)
    }

    private static func grantError(_ response: UCWAResponse) -> UCWAClientError {
        let oauth = try? response.decode(OAuthErrorResponse.self)
        switch oauth?.error {
        case .some(.invalidGrant):
            return UCWAClientError(
                code: .invalidCredentials,
                reason: "the token endpoint refused the username or password (invalid_grant)",
                source: "token",
                httpStatus: response.status
            )
        case .some(.unsupportedGrantType):
            return UCWAClientError(
                code: .noPasswordGrant,
                reason: "the token endpoint does not accept the password grant (unsupported_grant_type)",
                source: "token",
                httpStatus: response.status
            )
        case .some(let code):
            return UCWAClientError(
                code: .tokenEndpointFailed,
                reason: "the token endpoint answered \(code)",
                source: "token",
                httpStatus: response.status
            )
        case .none:
            return UCWAClientError(
                code: .tokenEndpointFailed,
                reason: "the token endpoint answered without an OAuth error body",
                source: "token",
                httpStatus: response.status
            )
        }
    }
}
