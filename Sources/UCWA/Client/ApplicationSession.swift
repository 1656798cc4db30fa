import Foundation
import Logging

/// Owns the discovered `applications` URL and the open application: creates it with the stable `endpointId`
/// (201 created, 200 reused), re-creates it with backoff after it was lost, deletes it on request.
///
/// Discovery is redone before a creation only when the discovery health says the cached URL is stale (403, 502,
/// repeated connection failures) or none is cached.
actor ApplicationSession {
    private let configuration: UCWAClientConfiguration
    private let discovery: Discovery
    private let authenticated: AuthenticatedTransport
    private let clock: ClientClock
    private let jitter: JitterSource
    private let logger: Logger
    private var applicationsURL: URL?
    private var generation = 0
    private var recreation: Recreation?
    private var nextRecreationID: UInt64 = 0
    private var nextWaiterID: UInt64 = 0

    /// The shared re-creation and the callers waiting for it, each with its own continuation so that one of them
    /// can stop waiting (cancellation) without ending the wait of the others.
    private struct Recreation {
        let id: UInt64
        let task: Task<Void, Never>
        var waiters: [UInt64: CheckedContinuation<Result<ApplicationContext, UCWAClientError>, Never>] = [:]
    }

    /// The open application, if any.
    private(set) var context: ApplicationContext?

    init(
        configuration: UCWAClientConfiguration,
        discovery: Discovery,
        authenticated: AuthenticatedTransport,
        clock: ClientClock,
        jitter: JitterSource,
        logger: Logger
    ) {
        self.configuration = configuration
        self.discovery = discovery
        self.authenticated = authenticated
        self.clock = clock
        self.jitter = jitter
        self.logger = logger
    }

    /// Discovers if needed and POSTs `applications` once.
    func open() async throws(UCWAClientError) -> ApplicationContext {
        try await createOnce()
    }

    /// Creates the application again after `generation` was lost (404 ApplicationNotFound, 410
    /// InactiveApplicationExpired), retrying transient failures with backoff until it succeeds, a configuration
    /// error occurs, the client is shut down, or the task is cancelled. When another caller already replaced that
    /// generation, its application is returned.
    ///
    /// Concurrent callers share one re-creation. Each waits with its own cancellation handling: a cancelled caller
    /// stops waiting at once (``UCWAClientError/Code/shutDown``) while the others keep waiting; the shared
    /// re-creation is cancelled only when no caller waits for it any more.
    func recreate(replacing generation: Int) async throws(UCWAClientError) -> ApplicationContext {
        if let context, context.generation != generation {
            return context
        }
        if recreation == nil {
            nextRecreationID += 1
            let id = nextRecreationID
            let task = Task {
                let result = await self.createWithBackoff()
                self.finishRecreation(id, with: result)
            }
            recreation = Recreation(id: id, task: task)
        }
        nextWaiterID += 1
        let waiter = nextWaiterID
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                join(waiter, continuation)
            }
        } onCancel: {
            Task { await self.abandon(waiter) }
        }
        return try result.get()
    }

    /// Registers a waiter of the current re-creation; a waiter whose task is already cancelled is answered at once.
    private func join(
        _ waiter: UInt64,
        _ continuation: CheckedContinuation<Result<ApplicationContext, UCWAClientError>, Never>
    ) {
        guard !Task.isCancelled, recreation != nil else {
            continuation.resume(returning: .failure(Self.cancelled))
            return
        }
        recreation?.waiters[waiter] = continuation
    }

    /// Ends one waiter's wait (its task was cancelled). The shared re-creation goes on for the other waiters; it is
    /// cancelled only when nobody waits for it any more.
    private func abandon(_ waiter: UInt64) {
        guard let continuation = recreation?.waiters.removeValue(forKey: waiter) else { return }
        continuation.resume(returning: .failure(Self.cancelled))
        if let current = recreation, current.waiters.isEmpty {
            current.task.cancel()
            recreation = nil
        }
    }

    private func finishRecreation(_ id: UInt64, with result: Result<ApplicationContext, UCWAClientError>) {
        guard let current = recreation, current.id == id else { return }
        recreation = nil
        for continuation in current.waiters.values {
            continuation.resume(returning: result)
        }
    }

    private static let cancelled = UCWAClientError(
        code: .shutDown,
        reason: "the wait for re-creation was cancelled",
        source: "application"
    )

    /// DELETEs the application, if one is open, and forgets it.
    func delete() async -> UCWAOutcome? {
        guard let context, let url = context.selfHref.url else { return nil }
        self.context = nil
        let outcome = await authenticated.send(.DELETE, url, source: "application")
        logger.info("application deleted", metadata: ["status": "\(outcome.httpStatus.map(String.init) ?? "none")"])
        return outcome
    }

    private func createWithBackoff() async -> Result<ApplicationContext, UCWAClientError> {
        var attempt = 0
        while true {
            do {
                return .success(try await createOnce())
            } catch  where error.isConfigurationError {
                logger.error("the application cannot be created", metadata: ["error": "\(error)"])
                return .failure(error)
            } catch  where error.code == .shutDown {
                logger.info("application re-creation ended: the client was shut down")
                return .failure(error)
            } catch {
                if Task.isCancelled || authenticated.transport.isShutDown {
                    // After a shutdown every request is refused; the failure may surface as a discovery or token
                    // error, so the transport itself is asked.
                    return .failure(
                        UCWAClientError(
                            code: .shutDown,
                            reason: Task.isCancelled ? "re-creation was cancelled" : "the client was shut down",
                            source: "application"
                        )
                    )
                }
                let delay = configuration.applicationBackoff.delay(attempt: attempt, jitter: jitter)
                logger.warning(
                    "application creation failed, retrying",
                    metadata: ["error": "\(error)", "attempt": "\(attempt + 1)", "delay": "\(delay)"]
                )
                attempt += 1
                do {
                    try await clock.sleep(for: delay)
                } catch {
                    return .failure(
                        UCWAClientError(code: .shutDown, reason: "re-creation was cancelled", source: "application")
                    )
                }
            }
        }
    }

    private func createOnce() async throws(UCWAClientError) -> ApplicationContext {
        let request: ApplicationCreationRequest
        do {
            request = try ApplicationCreationRequest(
                culture: configuration.culture,
                endpointId: configuration.endpointId,
                userAgent: configuration.userAgent
            )
        } catch {
            throw UCWAClientError(code: .invalidConfiguration, reason: error.reason, source: "application")
        }
        if applicationsURL == nil || authenticated.health.takeStale() {
            applicationsURL = try await discovery.run()
        }
        guard let applicationsURL else {
            throw UCWAClientError(code: .discoveryFailed, reason: "no applications URL", source: "application")
        }
        let outcome = await authenticated.send(.POST, applicationsURL, body: request.body, source: "application")
        switch outcome {
        case .success(let response) where response.status == 200 || response.status == 201:
            let context = try makeContext(response, applicationsURL: applicationsURL)
            self.context = context
            logger.info(
                "application open",
                metadata: [
                    "creation": "\(context.creation.rawValue)", "application": "\(context.selfHref.pathAndQuery)",
                    "generation": "\(context.generation)",
                    "event": context.generation > 1 ? "application-recreated" : "application-opened",
                ]
            )
            return context
        case .ucwaError(let response, let reason) where response.status == 410:
            if reason.subcode == .tooManyApplications {
                throw UCWAClientError(
                    code: .tooManyApplications,
                    reason: "the account has too many applications (410 TooManyApplications)",
                    source: "application",
                    httpStatus: 410
                )
            }
            if reason.subcode == .userAgentNotAllowed {
                throw UCWAClientError(
                    code: .userAgentNotAllowed,
                    reason: "the server refuses the user agent '\(configuration.userAgent)' (410 UserAgentNotAllowed)",
                    source: "application",
                    httpStatus: 410
                )
            }
            throw Self.failure("410 \(reason.subcode?.rawValue ?? reason.code.rawValue)", status: 410)
        case .success(let response), .ucwaError(let response, _), .infrastructureError(let response):
            let detail = outcome.errorReason.map { " \($0.code)/\($0.subcode?.rawValue ?? "-")" } ?? ""
            throw Self.failure("POST applications answered \(response.status)\(detail)", status: response.status)
        case .notSent(let error) where error.isConfigurationError || error.code == .shutDown:
            throw error
        case .notSent(let error), .ambiguous(let error):
            throw Self.failure(error.reason, status: nil)
        }
    }

    private func makeContext(_ response: UCWAResponse, applicationsURL: URL) throws(UCWAClientError)
        -> ApplicationContext
    {
        let application: Application
        let origin: UCWAOrigin
        do {
            application = try response.decode(Application.self)
        } catch {
            throw Self.failure("the application resource is not usable: \(error.code)", status: response.status)
        }
        do {
            origin = try UCWAOrigin(url: applicationsURL)
        } catch {
            throw UCWAClientError(code: .invalidHref, reason: error.reason, source: "application")
        }
        guard let selfLink = application.selfLink, let events = application.events,
            let selfHref = try? origin.resolve(selfLink.href), selfHref.origin == origin, origin.contains(events.href)
        else {
            throw Self.failure("the application has no self or events link on the UCWA origin", status: response.status)
        }
        generation += 1
        return ApplicationContext(
            application: application,
            origin: origin,
            selfHref: selfHref,
            eventsHref: events.href,
            creation: response.status == 201 ? .created : .reused,
            generation: generation
        )
    }

    private static func failure(_ reason: String, status: Int?) -> UCWAClientError {
        UCWAClientError(code: .applicationCreationFailed, reason: reason, source: "application", httpStatus: status)
    }
}
