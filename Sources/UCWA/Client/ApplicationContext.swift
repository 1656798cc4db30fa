/// The open application: its resource, the UCWA origin every href is resolved against, and which generation it is.
public struct ApplicationContext: Sendable {
    /// The application resource as `POST applications` returned it.
    public var application: Application
    /// The UCWA origin (that of the discovered `applications` URL). Hrefs outside it are refused.
    public var origin: UCWAOrigin
    /// The application's `self` href, resolved.
    public var selfHref: ResolvedHref
    /// The first event-channel href (`events` link with its `ack`), as the server wrote it.
    public var eventsHref: String
    /// Whether the application was created or reused.
    public var creation: ApplicationCreation
    /// Counts the applications this client opened (1 for the first); changes on every re-creation.
    public var generation: Int
}
