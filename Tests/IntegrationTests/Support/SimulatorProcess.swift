import Foundation
import LocalAPIModels
import UCWASimulator

/// `ucwa-sim` running as a child process on 127.0.0.1 with a port of its choosing, and typed calls on its admin
/// API (`/_sim/`, docs/ucwa-sim-admin.md).
final class SimulatorProcess: Sendable {
    /// A live application as `GET /_sim/applications` shows it.
    struct Application: Decodable, Sendable, Hashable {
        var id: String
        var href: String
        var username: String
        var endpointId: String
        var eventsHref: String
        var hasParkedPGet: Bool
        var invitationCount: Int
    }

    /// The simulated user (`--username`, `--password` defaults).
    static let username = SimulatedUser.default.username
    static let password = SimulatedUser.default.password

    let process: ChildProcess
    /// The discovery URL it printed, such as `http://127.0.0.1:40123/Autodiscover/AutodiscoverService.svc/root`.
    let discoveryURL: URL
    /// `http://127.0.0.1:40123`.
    let origin: String

    private init(process: ChildProcess, discoveryURL: URL, origin: String) {
        self.process = process
        self.discoveryURL = discoveryURL
        self.origin = origin
    }

    /// The discovery URL of a simulator listening on `127.0.0.1:port`.
    static func discoveryURL(port: Int) -> URL {
        URL(string: "http://127.0.0.1:\(port)/Autodiscover/AutodiscoverService.svc/root")!
    }

    /// Starts `ucwa-sim --listen LISTEN` (`127.0.0.1:0` by default: a port of its choosing) and reads its discovery
    /// URL (the first line of its output).
    static func start(
        _ executables: Executables,
        listen: String = "127.0.0.1:0",
        arguments: [String] = []
    ) async throws -> SimulatorProcess {
        let process = try ChildProcess(
            name: "ucwa-sim",
            executable: executables.simulator,
            arguments: ["--listen", listen, "--log-level", "warning"] + arguments
        )
        guard let line = await process.standardOutput.firstLine(timeout: .seconds(30)) else {
            await process.stop()
            throw IntegrationError(
                "ucwa-sim printed no discovery URL within 30 s (\(process.ended.map(\.description) ?? "running")); "
                    + "stderr:\n\(process.standardError.tail())"
            )
        }
        guard let url = URL(string: line.trimmingCharacters(in: .whitespaces)), let scheme = url.scheme,
            let host = url.host, let port = url.port
        else {
            await process.stop()
            throw IntegrationError("ucwa-sim's first line is not a URL with a port: \(line)")
        }
        return SimulatorProcess(process: process, discoveryURL: url, origin: "\(scheme)://\(host):\(port)")
    }

    /// Every continueMessaging request received, in order, duplicates and refused ones included.
    func received() async throws -> [ReceivedContinueMessaging] {
        struct Answer: Decodable { var continueMessaging: [ReceivedContinueMessaging] }
        return try await get("received", as: Answer.self).continueMessaging
    }

    /// Forgets the recorded continueMessaging requests.
    func clearReceived() async throws {
        try await change(.DELETE, "received")
    }

    /// The simulator's counters (`applicationsCreated`, `invitationsStarted`, ...).
    func counters() async throws -> SimulatorCounters {
        try await get("counters", as: SimulatorCounters.self)
    }

    /// The live applications.
    func applications() async throws -> [Application] {
        struct Answer: Decodable { var applications: [Application] }
        return try await get("applications", as: Answer.self).applications
    }

    /// The next `count` calls of `endpoint` get `fault`.
    func injectFault(_ fault: SimulatedFault, at endpoint: SimulatedEndpoint, count: Int = 1) async throws {
        try await change(.POST, "faults", ["endpoint": endpoint.rawValue, "fault": fault.rawValue, "count": count])
    }

    /// Removes every fault still scripted.
    func clearFaults() async throws {
        try await change(.DELETE, "faults")
    }

    /// Changes how the next invitations play: the delay between `started` and the outcome, the delay before
    /// the first events, the event order (`afterResponse`, `beforeResponse`) and aggregation.
    func setInvitationScript(
        outcomeDelaySeconds: Double? = nil,
        eventDelaySeconds: Double? = nil,
        order: String? = nil,
        completedOnly: Bool? = nil
    ) async throws {
        var body: [String: Any] = [:]
        if let outcomeDelaySeconds { body["outcomeDelaySeconds"] = outcomeDelaySeconds }
        if let eventDelaySeconds { body["eventDelaySeconds"] = eventDelaySeconds }
        if let order { body["order"] = order }
        if let completedOnly { body["completedOnly"] = completedOnly }
        try await change(.POST, "invitation-script", body)
    }

    /// SIGTERM and the exit (SIGKILL if it does not come).
    func stop() async {
        await process.stop()
    }

    private func get<Answer: Decodable>(_ route: String, as: Answer.Type) async throws -> Answer {
        let answer = try await HTTPExchange.send(.GET, "\(origin)/_sim/\(route)")
        guard answer.status == 200 else {
            throw IntegrationError("GET /_sim/\(route) answered \(answer.status): \(answer.text)")
        }
        do {
            return try JSONDecoder().decode(Answer.self, from: answer.body)
        } catch {
            throw IntegrationError("GET /_sim/\(route) answered an unexpected body (\(error)): \(answer.text)")
        }
    }

    private func change(_ method: HTTPExchange.Method, _ route: String, _ body: [String: Any]? = nil) async throws {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let answer = try await HTTPExchange.send(method, "\(origin)/_sim/\(route)", json: data)
        guard answer.status == 204 else {
            throw IntegrationError("\(method.rawValue) /_sim/\(route) answered \(answer.status): \(answer.text)")
        }
    }
}
