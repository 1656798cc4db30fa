import Foundation
import Logging
import NIOCore
import Synchronization

/// A UCWA 2.0 server (Skype for Business Server 2015) for tests: discovery, the password grant,
/// applications, the event channel, conversation logs and `continueMessaging`, over real HTTP
/// on a loopback address, with fault injection. All timers run on the injected clock.
///
/// ```swift
/// let simulator = SimulatorServer(configuration: .init(), clock: ManualClock())
/// try await simulator.start()
/// // point a client at simulator.discoveryURL ...
/// await simulator.shutdown()
/// ```
public final class SimulatorServer: Sendable {
    /// The configuration the simulator was created with.
    public let configuration: SimulatorConfiguration
    private let core: SimulatorCore
    private let http: HTTPServer
    private let bound = Mutex<URL?>(nil)

    /// Creates a simulator whose timers run on `clock`. Nothing listens until `start()`.
    public init<C: Clock>(
        configuration: SimulatorConfiguration = SimulatorConfiguration(),
        clock: C,
        logger: Logger = Logger(label: "ucwa-sim")
    ) where C.Duration == Duration {
        self.configuration = configuration
        let core = SimulatorCore(configuration: configuration, clock: SimulatorClock(clock), logger: logger)
        self.core = core
        self.http = HTTPServer(logger: logger) { request, reply in core.respond(to: request, reply: reply) }
    }

    /// Creates a simulator on `ContinuousClock`.
    public convenience init(
        configuration: SimulatorConfiguration = SimulatorConfiguration(),
        logger: Logger = Logger(label: "ucwa-sim")
    ) {
        self.init(configuration: configuration, clock: ContinuousClock(), logger: logger)
    }

    /// Binds `configuration.host:configuration.port` (port 0 picks a free one) and starts
    /// serving. Refuses non-loopback addresses with `SimulatorError` code `notLoopback`.
    /// Calling it twice throws `SimulatorError` code `alreadyStarted`.
    public func start() async throws {
        guard bound.withLock({ $0 }) == nil else {
            throw SimulatorError(code: "alreadyStarted", reason: "the simulator is already running")
        }
        let address = try SocketAddress.makeAddressResolvingHost(configuration.host, port: configuration.port)
        guard Self.isLoopback(address) else {
            throw SimulatorError(code: "notLoopback", reason: "the simulator listens on loopback addresses only")
        }
        let local = try await http.start(host: configuration.host, port: configuration.port)
        guard let ip = local.ipAddress, let port = local.port else {
            throw SimulatorError(code: "bindFailed", reason: "the bound address has no IP and port")
        }
        let host = ip.contains(":") ? "[\(ip)]" : ip
        let origin = "http://\(host):\(port)"
        guard let url = URL(string: origin) else {
            throw SimulatorError(code: "bindFailed", reason: "the bound address does not form a URL")
        }
        core.state.withLock { $0.origin = origin }
        bound.withLock { $0 = url }
        core.logger.info("simulator listening", metadata: ["origin": "\(origin)"])
    }

    /// Answers every held P-GET with 503, stops listening and closes all connections.
    public func shutdown() async {
        core.shutdown()
        await http.shutdown()
    }

    /// `http://host:port` of the running simulator. Calling it before `start()` is a
    /// programming error.
    public var origin: URL {
        guard let url = bound.withLock({ $0 }) else {
            preconditionFailure("SimulatorServer.origin used before start()")
        }
        return url
    }

    /// The discovery root, `origin/Autodiscover/AutodiscoverService.svc/root` (`origin/` is
    /// served too).
    public var discoveryURL: URL {
        origin.appendingPathComponent("Autodiscover/AutodiscoverService.svc/root")
    }

    // MARK: Control

    /// The next `count` calls of `endpoint` get `fault` (after the faults already scripted).
    public func injectFault(_ fault: SimulatedFault, at endpoint: SimulatedEndpoint, count: Int = 1) {
        core.injectFault(fault, at: endpoint, count: count)
    }

    /// Each call of `endpoint` gets `fault` with `probability` (0...1), drawn from the seeded
    /// generator; replaces an earlier probabilistic fault of that endpoint.
    public func injectFault(_ fault: SimulatedFault, at endpoint: SimulatedEndpoint, probability: Double) {
        core.injectFault(fault, at: endpoint, probability: probability)
    }

    /// Removes every scripted and probabilistic fault.
    public func clearFaults() {
        core.clearFaults()
    }

    /// Delays the first events of invitations accepted from now on.
    public func setEventDelay(_ delay: Duration) {
        core.updateScript { $0.eventDelay = delay }
    }

    /// The next invitations end with these outcomes, one each, then the configured default.
    public func enqueueInvitationOutcomes(_ outcomes: [InvitationOutcome]) {
        core.updateScript { $0.enqueue(outcomes) }
    }

    /// Changes the outcome of invitations for which no outcome is queued.
    public func setDefaultInvitationOutcome(_ outcome: InvitationOutcome) {
        core.updateScript { $0.defaultOutcome = outcome }
    }

    /// Changes when invitations emit their first events relative to the 201.
    public func setInvitationEventOrder(_ order: InvitationEventOrder) {
        core.updateScript { $0.order = order }
    }

    /// Turns aggregation (only a `completed` event per invitation) on or off.
    public func setCompletedOnly(_ completedOnly: Bool) {
        core.updateScript { $0.completedOnly = completedOnly }
    }

    /// Changes the time between an invitation's first events and its outcome.
    public func setOutcomeDelay(_ delay: Duration) {
        core.updateScript { $0.outcomeDelay = delay }
    }

    /// Every token issued so far stops working; the next authenticated request gets 401.
    public func expireTokensNow() {
        core.expireTokensNow()
    }

    /// Every application ends as if it had expired: requests on it get `404 ApplicationNotFound`,
    /// and so does a parked P-GET, at once.
    public func expireApplicationsNow() {
        core.expireApplicationsNow()
    }

    /// Drops every application's conversations, pending operations, queued events and event
    /// parameters: a parked P-GET is answered with `resume` at once, otherwise the next one is.
    public func resetTransientStateNow() {
        core.resetTransientStateNow()
    }

    /// Every `continueMessaging` request received, in order, duplicates included.
    public var receivedContinueMessaging: [ReceivedContinueMessaging] {
        core.receivedContinueMessaging
    }

    /// Forgets the recorded `continueMessaging` requests.
    public func clearReceived() {
        core.clearReceived()
    }

    /// The counters so far.
    public var counters: SimulatorCounters {
        core.counters
    }

    /// The live applications, by id.
    public var applications: [SimulatedApplicationInfo] {
        core.applicationInfos
    }

    static func isLoopback(_ address: SocketAddress) -> Bool {
        guard let ip = address.ipAddress else { return false }
        switch address.protocol {
        case .inet: return ip.hasPrefix("127.")
        case .inet6: return ip == "::1" || ip.hasPrefix("::ffff:127.")
        default: return false
        }
    }
}
