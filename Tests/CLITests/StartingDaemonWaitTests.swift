import Foundation
import LocalAPIModels
import Synchronization
import TestSupport
import Testing

@testable import ucwa_bridge

@Suite(.timeLimit(.minutes(1))) struct StartingDaemonWaitTests {
    /// The lines a client writes while it waits.
    final class Notices: Sendable {
        private let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        func record(_ line: String) { lines.withLock { $0.append(line) } }
    }

    private static let starting = CannedUnixHTTPServer.response(
        "503 Service Unavailable",
        body: #"{"message":"the daemon is starting: the UCWA application is not open yet","code":"unavailable"}"#,
        headers: ["Retry-After: 5"]
    )
    private static let logs = CannedUnixHTTPServer.response("200 OK", body: #"{"conversationLogs":[]}"#)

    /// A client on `server` that waits on `clock` and records its notices.
    private func client(
        _ server: CannedUnixHTTPServer,
        patience: Duration,
        clock: ManualClock,
        notices: Notices
    ) -> APIClient {
        APIClient(
            socketPath: server.path,
            startingWait: StartingDaemonWait(patience: patience, clock: clock, notice: notices.record)
        )
    }

    @Test func aStartingDaemonIsAskedAgainAfterItsRetryAfter() async throws {
        let server = try CannedUnixHTTPServer(responses: [Self.starting, Self.logs])
        defer { server.stop() }
        let clock = ManualClock()
        let notices = Notices()
        let client = client(server, patience: .seconds(120), clock: clock, notices: notices)
        let call = Task { try await client.conversationLogs() }
        await clock.sleepers(atLeast: 1)
        #expect(server.requestCount == 1)
        #expect(
            notices.all == ["the daemon is starting: the UCWA application is not open yet; waiting for it (at most 2m)"]
        )
        clock.advance(by: .seconds(5))
        #expect(try await call.value.conversationLogs.isEmpty)
        #expect(server.requestCount == 2)
        try await client.shutdown()
    }

    @Test func theWaitEndsWithThePatience() async throws {
        let server = try CannedUnixHTTPServer(responses: [Self.starting])
        defer { server.stop() }
        let clock = ManualClock()
        let client = client(server, patience: .seconds(3), clock: clock, notices: Notices())
        let call = Task { try await client.conversationLogs() }
        await clock.sleepers(atLeast: 1)
        // The Retry-After says 5 s; 3 s of patience are left, so the client asks once more after 3 s, then gives up.
        clock.advance(by: .seconds(3))
        let error = try #require(await #expect(throws: APIClientError.self) { try await call.value })
        #expect(error.code == "unavailable")
        #expect(error.exitStatus == .daemonError)
        #expect(server.requestCount == 2)
        try await client.shutdown()
    }

    @Test(arguments: [
        (Duration.zero, Self.starting),
        (.seconds(120), CannedUnixHTTPServer.response(
            "503 Service Unavailable", body: #"{"message":"the daemon is stopping","code":"shuttingDown"}"#,
            headers: ["Retry-After: 5"])),
        (.seconds(120), CannedUnixHTTPServer.response(
            "503 Service Unavailable", body: #"{"message":"starting","code":"unavailable"}"#)),
    ])
    func otherRefusalsFailAtOnce(patience: Duration, response: String) async throws {
        let server = try CannedUnixHTTPServer(responses: [response])
        defer { server.stop() }
        let notices = Notices()
        let client = client(server, patience: patience, clock: ManualClock(), notices: notices)
        await #expect(throws: APIClientError.self) { try await client.conversationLogs() }
        #expect(server.requestCount == 1)
        #expect(notices.all.isEmpty)
        try await client.shutdown()
    }

    @Test(arguments: [
        ("5", Duration.zero, Duration?.some(.seconds(5))),
        (" 0 ", .zero, .seconds(1)),
        ("60", .seconds(100), .seconds(20)),
        ("5", .seconds(120), nil),
        ("soon", .zero, nil),
        ("-1", .zero, nil),
    ])
    func theDelayIsTheRetryAfterCutToThePatienceLeft(header: String, waited: Duration, delay: Duration?) {
        #expect(StartingDaemonWait(patience: .seconds(120)).delay(retryAfter: header, waited: waited) == delay)
    }
}
