import Foundation
import LocalAPIModels
import Synchronization

/// What the API serves from, in the daemon's two phases. The daemon listens as soon as its store is open, before
/// the UCWA application is; until then the gate is closed, and once the session is built the daemon opens it with
/// the ``APIServices``.
///
/// ```swift
/// let gate = APIServiceGate(metrics: metrics, startingHealth: StartingHealth(store: store), progress: progress)
/// let server = APIServer(configuration: configuration, gate: gate, logger: logger)
/// // ... the application opens, the queue is built ...
/// gate.open(APIServices(queue: queue, health: health, conversationLogs: logs, metrics: metrics))
/// ```
///
/// Contract:
/// - Closed: `GET /v1/health` answers the starting health (``StartingHealth``) and `GET /metrics` the metrics with
///   it; every other route answers `503 unavailable` with `Retry-After` (``unavailable()``), before reading the
///   request's body.
/// - ``open(_:)`` takes effect for every request routed after it returns; it is called once, with services whose
///   ``APIServices/metrics`` are the gate's.
/// - A gate made with ``init(services:)`` is open from the start.
public final class APIServiceGate: Sendable {
    /// The metrics, in both phases.
    public let metrics: BridgeMetrics
    let startingHealth: any HealthSource
    let progress: OpeningProgress?
    private let state: Mutex<APIServices?>

    /// The `Retry-After` of a `503` while the first attempt to open the application is under way.
    static let firstAttemptRetryAfter = 2
    /// The longest `Retry-After` of a `503` while starting.
    static let maximumRetryAfter = 60

    /// A closed gate.
    ///
    /// - Parameters:
    ///   - metrics: the ``BridgeMetrics`` of both phases; the services opened later carry the same.
    ///   - startingHealth: what `GET /v1/health` answers while closed.
    ///   - progress: the opening of the UCWA application, named in the `503` answers and their `Retry-After`.
    public init(metrics: BridgeMetrics, startingHealth: any HealthSource, progress: OpeningProgress? = nil) {
        self.metrics = metrics
        self.startingHealth = startingHealth
        self.progress = progress
        state = Mutex(nil)
    }

    /// An open gate on `services`.
    public init(services: APIServices) {
        metrics = services.metrics
        startingHealth = services.health
        progress = nil
        state = Mutex(services)
    }

    /// Opens the gate: every request routed from now on is served from `services`.
    public func open(_ services: APIServices) {
        precondition(services.metrics === metrics, "the services must carry the gate's metrics")
        let opened = state.withLock { current -> Bool in
            guard current == nil else { return false }
            current = services
            return true
        }
        precondition(opened, "APIServiceGate.open(_:) may be called only once")
    }

    /// Whether ``open(_:)`` was called.
    public var isOpen: Bool {
        state.withLock { $0 != nil }
    }

    /// The services once open, `nil` before.
    var services: APIServices? {
        state.withLock { $0 }
    }

    /// The services of an open gate.
    ///
    /// - Throws: ``unavailable()`` while the gate is closed.
    func openServices() throws(APIError) -> APIServices {
        guard let services else { throw unavailable() }
        return services
    }

    /// The health report of the current phase.
    func health() async -> HealthView {
        await (services?.health ?? startingHealth).health()
    }

    /// The `503 unavailable` of a closed gate: the message names the last failed attempt to open the application,
    /// and `Retry-After` is the time until the next attempt (at least one second, at most a minute).
    func unavailable(now: Date = Date()) -> APIError {
        guard let failure = progress?.lastFailure else {
            return APIError(
                .unavailable,
                "the UCWA application is not open yet; try again shortly",
                retryAfterSeconds: Self.firstAttemptRetryAfter
            )
        }
        let wait = failure.nextAttemptAt.timeIntervalSince(now).rounded(.up)
        return APIError(
            .unavailable,
            "the UCWA application is not open yet (last attempt: \(failure.reason)); try again shortly",
            retryAfterSeconds: Int(min(Double(Self.maximumRetryAfter), max(1, wait)))
        )
    }
}
