import Foundation
import Logging
import NIOHTTP1

/// The UCWA 2.0 client: discovery, tokens, the application, and authenticated requests to it.
///
/// ```swift
/// let client = try UCWAClient(configuration: configuration, logger: logger)
/// let context = try await client.openApplication()          // .created or .reused
/// let outcome = await client.send(.post(continueMessagingHref, body: body))
/// await client.shutdown()
/// ```
///
/// Every href is resolved against the UCWA origin (that of the discovered `applications` URL); an href outside it
/// is refused without sending anything. A 401 leads to one re-authentication and one replay of the same request.
/// Time (backoff, token refresh) runs on the injected clock, jitter on the injected source.
public final class UCWAClient: Sendable {
    /// The configuration the client was created with.
    public let configuration: UCWAClientConfiguration
    let clock: ClientClock
    let logger: Logger
    private let transport: HTTPTransport
    private let authenticated: AuthenticatedTransport
    private let session: ApplicationSession

    /// Creates a client; nothing is sent until ``openApplication()``.
    ///
    /// - Throws: ``UCWAClientError`` for a configuration that cannot work: an insecure discovery URL (plain http to
    ///   a host that is not loopback), an unreadable CA file, an invalid `endpointId`/`userAgent`/`culture`.
    public init<C: Clock>(
        configuration: UCWAClientConfiguration,
        clock: C,
        jitter: JitterSource = .system(),
        logger: Logger
    ) throws(UCWAClientError) where C.Duration == Duration {
        do {
            _ = try ApplicationCreationRequest(
                culture: configuration.culture,
                endpointId: configuration.endpointId,
                userAgent: configuration.userAgent
            )
        } catch {
            throw UCWAClientError(code: .invalidConfiguration, reason: error.reason, source: "configuration")
        }
        if case .discoveryURL(let url) = configuration.discovery {
            try URLSecurityPolicy.check(configuration.hostMapping.map(url), source: "configuration")
        }
        let clock = ClientClock(clock)
        let transport = try HTTPTransport(configuration: configuration, logger: logger)
        let tokens = TokenProvider(
            source: configuration.credentials,
            transport: transport,
            clock: clock,
            refreshShare: configuration.tokenRefreshShare,
            jitter: jitter,
            logger: logger
        )
        let authenticated = AuthenticatedTransport(
            transport: transport,
            tokens: tokens,
            health: DiscoveryHealth(threshold: configuration.connectionFailuresBeforeRediscovery)
        )
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
        self.transport = transport
        self.authenticated = authenticated
        self.session = ApplicationSession(
            configuration: configuration,
            discovery: Discovery(configuration: configuration, transport: transport, tokens: tokens, logger: logger),
            authenticated: authenticated,
            clock: clock,
            jitter: jitter,
            logger: logger
        )
    }

    /// Creates a client on `ContinuousClock`.
    public convenience init(configuration: UCWAClientConfiguration, logger: Logger) throws(UCWAClientError) {
        try self.init(configuration: configuration, clock: ContinuousClock(), logger: logger)
    }

    /// Discovers (unless a discovered URL is cached and trusted), authenticates and POSTs `applications` with the
    /// configured `endpointId`: 201 is ``ApplicationCreation/created``, 200 ``ApplicationCreation/reused``.
    ///
    /// One attempt; the caller decides whether to retry a transient failure.
    ///
    /// - Throws: ``UCWAClientError``; ``UCWAClientError/isConfigurationError`` tells the fatal ones (bad
    ///   credentials, `TooManyApplications`, `UserAgentNotAllowed`, …).
    public func openApplication() async throws(UCWAClientError) -> ApplicationContext {
        try await session.open()
    }

    /// Creates the application again after the one of `generation` was lost (404 `ApplicationNotFound`, 410
    /// `InactiveApplicationExpired`), with backoff, until it succeeds, fails for a configuration reason, or the
    /// task is cancelled. Concurrent callers for the same generation share one re-creation.
    public func recreateApplication(replacing generation: Int) async throws(UCWAClientError) -> ApplicationContext {
        try await session.recreate(replacing: generation)
    }

    /// The open application, if any.
    public var application: ApplicationContext? {
        get async { await session.context }
    }

    /// Resolves `href` against the UCWA origin.
    ///
    /// - Throws: ``UCWAClientError`` with ``UCWAClientError/Code/noApplication`` before an application is open,
    ///   ``UCWAClientError/Code/invalidHref`` for an unresolvable href, ``UCWAClientError/Code/hrefOutsideOrigin``
    ///   for one on another origin.
    public func resolve(_ href: String) async throws(UCWAClientError) -> ResolvedHref {
        guard let origin = await session.context?.origin else {
            throw UCWAClientError(code: .noApplication, reason: "no application is open", source: "request")
        }
        let resolved: ResolvedHref
        do {
            resolved = try origin.resolve(href)
        } catch {
            throw UCWAClientError(code: .invalidHref, reason: error.reason, source: "request")
        }
        guard resolved.origin == origin else {
            throw UCWAClientError(
                code: .hrefOutsideOrigin,
                reason: "\(resolved.origin) is not the UCWA origin \(origin)",
                source: "request"
            )
        }
        return resolved
    }

    /// Sends an authenticated request to an href on the UCWA origin; see ``UCWAOutcome`` for what can come back.
    public func send(_ request: UCWARequest) async -> UCWAOutcome {
        await send(request, lane: .command)
    }

    /// `GET href`.
    public func get(_ href: String, accept: UCWABodyFormat = .json) async -> UCWAOutcome {
        await send(.get(href, accept: accept))
    }

    /// `POST href` with `body`.
    public func post(_ href: String, body: RequestBody, accept: UCWABodyFormat = .json) async -> UCWAOutcome {
        await send(.post(href, body: body, accept: accept))
    }

    /// Sends on the command or the long-poll client.
    func send(_ request: UCWARequest, lane: HTTPTransport.Lane) async -> UCWAOutcome {
        let resolved: ResolvedHref
        do {
            resolved = try await resolve(request.href)
        } catch {
            logger.warning("request refused", metadata: ["error": "\(error)"])
            return .notSent(error)
        }
        guard let url = resolved.url else {
            return .notSent(UCWAClientError(code: .invalidHref, reason: "not a URL", source: "request"))
        }
        return await authenticated.send(
            request.method,
            url,
            body: request.body,
            accept: request.accept,
            lane: lane,
            source: "request"
        )
    }

    /// DELETEs the open application (clean shutdown); `nil` when none is open.
    @discardableResult
    public func deleteApplication() async -> UCWAOutcome? {
        await session.delete()
    }

    /// Closes both HTTP clients. Requests in flight fail (a parked P-GET included); later requests are refused
    /// with ``UCWAClientError/Code/shutDown``. Pass `deletingApplication: true` to DELETE the application first.
    public func shutdown(deletingApplication: Bool = false) async {
        if deletingApplication {
            _ = await session.delete()
        }
        await transport.shutdown()
    }
}
