import AsyncHTTPClient
import Foundation
import NIOCore

/// `ucwa-sim` as a child process on loopback, with the discovery URL it printed first on its standard output.
struct SimulatorProcess: Sendable {
    /// The simulator's built-in user.
    static let username = "bridge@contoso.com"
    /// The built-in user's password.
    static let password = "simulator"

    let child: ChildProcess
    /// The discovery URL, such as `http://127.0.0.1:40123/autodiscover/autodiscoverservice.svc/root`.
    let discoveryURL: String
    /// `http://127.0.0.1:PORT`: the origin of the UCWA resources and the `/_sim/` admin API.
    let origin: String

    /// Launches `executable` on `127.0.0.1:0` with `arguments` added, and waits (at most 30 s) for its URL.
    static func start(
        executable: String,
        label: String,
        arguments: [String] = [],
        directory: ScratchDirectory,
        registry: ChildProcessRegistry
    ) async throws -> SimulatorProcess {
        let child = try ChildProcess(
            name: "ucwa-sim (\(label))",
            label: "sim-\(label)",
            executable: executable,
            arguments: ["--listen", "127.0.0.1:0", "--log-level", "warning"] + arguments,
            directory: directory
        )
        registry.add(child)
        let deadline = ContinuousClock.now + .seconds(30)
        // Bounded by the deadline: the first line of stdout is the URL.
        while true {
            if let text = try? String(contentsOfFile: child.standardOutputPath, encoding: .utf8),
                let newline = text.firstIndex(of: "\n")
            {
                let url = String(text[..<newline])
                guard let parsed = URL(string: url), let scheme = parsed.scheme, let host = parsed.host,
                    let port = parsed.port
                else {
                    throw BenchmarkError("\(child.name) printed \(url), not a URL")
                }
                return SimulatorProcess(child: child, discoveryURL: url, origin: "\(scheme)://\(host):\(port)")
            }
            guard child.isRunning else {
                throw BenchmarkError("\(child.name) ended before printing its URL:\n\(child.standardErrorTail())")
            }
            guard ContinuousClock.now < deadline else {
                throw BenchmarkError("\(child.name) printed no URL within 30 s")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// The simulator's CPU time so far, in seconds.
    func cpuSeconds() throws -> Double {
        try ProcessCPU.seconds(of: child.processIdentifier)
    }

    /// `continueMessagingReceived` from `GET /_sim/counters`: every continueMessaging POST, duplicates included.
    func continueMessagingReceived(_ http: HTTPClient) async throws -> Int {
        let response = try await http.execute(HTTPClientRequest(url: origin + "/_sim/counters"), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        guard let received = object?["continueMessagingReceived"] as? Int else {
            throw BenchmarkError("GET /_sim/counters answered no continueMessagingReceived")
        }
        return received
    }
}
