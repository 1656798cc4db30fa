import Foundation

/// Everything the UCWA client needs to know: where to discover, how to authenticate, how to name its application,
/// and the HTTP settings.
public struct UCWAClientConfiguration: Sendable {
    /// Where discovery starts.
    public var discovery: DiscoverySource
    /// How tokens are obtained.
    public var credentials: CredentialSource
    /// The stable `endpointId` of the application; the daemon persists it so that a restart reuses the application.
    public var endpointId: String
    /// The `userAgent` of the application.
    public var userAgent: String
    /// The `culture` of the application.
    public var culture: String
    /// An extra PEM trust root (`ucwa.caFile`), added to the system's.
    public var caFile: String?
    /// The P-GET `timeout` parameter; the long-poll client's read timeout is this plus ``longPollMargin``.
    public var eventTimeout: Duration
    /// What the long-poll read timeout adds to ``eventTimeout``.
    public var longPollMargin: Duration
    /// The connect timeout of both HTTP clients.
    public var connectTimeout: Duration
    /// The read timeout of command requests.
    public var requestTimeout: Duration
    /// Hosts trusted as redirect targets besides the sign-in domain (the "global trusted-domain list").
    public var trustedRedirectDomains: [String]
    /// Rewrites URLs before connecting (tests map the discovery hosts to the simulator).
    public var hostMapping: DiscoveryHostMapping
    /// The schedule of application re-creation.
    public var applicationBackoff: Backoff
    /// When a token is refreshed proactively, as a share of its `expires_in` (0.9: at 90 %).
    public var tokenRefreshShare: Double
    /// Consecutive connection failures after which the discovered URL is forgotten and discovery is redone.
    public var connectionFailuresBeforeRediscovery: Int

    /// Creates a configuration with the documented defaults.
    public init(
        discovery: DiscoverySource,
        credentials: CredentialSource,
        endpointId: String,
        userAgent: String = "ucwa-bridge",
        culture: String = "en-US",
        caFile: String? = nil,
        eventTimeout: Duration = .seconds(180),
        longPollMargin: Duration = .seconds(60),
        connectTimeout: Duration = .seconds(10),
        requestTimeout: Duration = .seconds(60),
        trustedRedirectDomains: [String] = [],
        hostMapping: DiscoveryHostMapping = .identity,
        applicationBackoff: Backoff = .standard,
        tokenRefreshShare: Double = 0.9,
        connectionFailuresBeforeRediscovery: Int = 5
    ) {
        self.discovery = discovery
        self.credentials = credentials
        self.endpointId = endpointId
        self.userAgent = userAgent
        self.culture = culture
        self.caFile = caFile
        self.eventTimeout = eventTimeout
        self.longPollMargin = longPollMargin
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.trustedRedirectDomains = trustedRedirectDomains
        self.hostMapping = hostMapping
        self.applicationBackoff = applicationBackoff
        self.tokenRefreshShare = tokenRefreshShare
        self.connectionFailuresBeforeRediscovery = connectionFailuresBeforeRediscovery
    }

    /// The sign-in domain used by the redirect security check: the sign-in address's domain, or else the
    /// username's domain.
    var signInDomain: String? {
        if let domain = discovery.signInDomain { return domain }
        if case .password(let username, _) = credentials {
            return DiscoverySource.signInAddress(username).signInDomain
        }
        return nil
    }
}
