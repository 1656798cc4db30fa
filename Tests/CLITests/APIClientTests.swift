import Foundation
import LocalAPIModels
import NIOCore
import Testing

@testable import ucwa_bridge

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite(.timeLimit(.minutes(1))) struct APIClientTests {
    @Test(arguments: [
        (400, APIClientError.Kind.refused, CLIExitCode.refused),
        (404, .refused, .refused),
        (409, .refused, .refused),
        (422, .refused, .refused),
        (500, .daemonError, .daemonError),
        (503, .daemonError, .daemonError),
        (302, .badResponse, .daemonError),
    ])
    func errorStatusesMapToExitStatuses(status: Int, kind: APIClientError.Kind, exit: CLIExitCode) {
        let body = Data(#"{"message":"no request r1","code":"notFound"}"#.utf8)
        let error = APIClientError.answer(status: status, body: body, endpoint: "GET /v1/messages/r1", socketPath: "/s")
        #expect(error.kind == kind)
        #expect(error.exitStatus == exit)
        #expect(error.report == "no request r1 (notFound)")
        #expect(error.httpStatus == status)
    }

    @Test func anErrorWithoutTheAPIBodyNamesTheStatus() {
        let error = APIClientError.answer(
            status: 502,
            body: Data("<html>bad gateway</html>".utf8),
            endpoint: "GET /v1/health",
            socketPath: "/s"
        )
        #expect(error.report == "the daemon answered GET /v1/health with HTTP 502 (http502)")
        #expect(error.exitStatus == .daemonError)
    }

    @Test func aMissingSocketIsUnreachable() async throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("ucwa-bridge-cli-\(UUID().uuidString).sock").path
        let client = APIClient(socketPath: path)
        await expectUnreachable(client, path: path, reason: "No such file or directory")
        try await client.shutdown()
    }

    @Test func aSocketNobodyListensOnIsUnreachable() async throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("ucwa-bridge-cli-\(UUID().uuidString).sock").path
        let descriptor = try bindWithoutListening(path)
        defer {
            close(descriptor)
            unlink(path)
        }
        let client = APIClient(socketPath: path)
        await expectUnreachable(client, path: path, reason: "Connection refused")
        try await client.shutdown()
    }

    /// Root bypasses the socket's permissions, so the refused `connect` is the error NIO reports for it.
    @Test func aSocketThePermissionsRefuseSaysWhoMayUseIt() {
        let error = APIClientError.transport(
            IOError(errnoCode: EACCES, reason: "connect"),
            endpoint: "GET /v1/health",
            socketPath: "/run/ucwa-bridge/api.sock"
        )
        #expect(error.code == "permissionDenied")
        #expect(error.exitStatus == .unavailable)
        #expect(error.report.contains("ucwa-bridge"))
        #expect(!error.report.contains("is ucwa-bridged running"))
    }

    @Test func pathsAndQueriesAreEscaped() {
        #expect(APIClient.escape("a/b c+d?e") == "a%2Fb%20c%2Bd%3Fe")
        #expect(APIClient.escape("01JD-x_y.z~") == "01JD-x_y.z~")
        #expect(
            APIClient.uri(path: "/v1/messages", query: [("state", "failed"), ("after", "c/+1")])
                == "/v1/messages?state=failed&after=c%2F%2B1"
        )
        #expect(APIClient.uri(path: "/v1/health", query: []) == "/v1/health")
    }

    @Test(arguments: [
        (Duration.seconds(30), Int64(30_000)), (.milliseconds(1_500), 1_500), (.microseconds(1_500), 2),
        (.seconds(2) + .nanoseconds(1), 2_001), (.zero, 1),
    ])
    func heldPollsAskForWholeMilliseconds(duration: Duration, milliseconds: Int64) {
        #expect(APIClient.wholeMilliseconds(duration) == milliseconds)
    }

    @Test func aDaemonThatRefusesAHeldSubmissionGetsAPlainOne() async throws {
        let accepted = Fixtures.message(state: .accepted)
        let body = String(decoding: try APIJSON.encoder().encode(accepted), as: UTF8.self)
        let server = try CannedUnixHTTPServer(responses: [
            CannedUnixHTTPServer.response(
                "400 Bad Request",
                body: #"{"message":"unknown query parameter wait","code":"invalidParameter"}"#
            ),
            CannedUnixHTTPServer.response(
                "202 Accepted",
                body: body,
                headers: ["Location: /v1/messages/\(accepted.id)"]
            ),
        ])
        defer { server.stop() }
        let client = APIClient(socketPath: server.path)
        let submission = MessageSubmission(conversationLog: accepted.conversationLog, message: "hello")

        let submitted: APIClient.Submitted?
        do {
            submitted = try await client.submit(submission, waitUntilFinal: .milliseconds(1500))
        } catch {
            Issue.record(error)
            submitted = nil
        }
        try await client.shutdown()

        #expect(submitted == APIClient.Submitted(message: accepted, isNew: true))
        #expect(
            server.requests == [
                "POST /v1/messages?wait=1500ms&until=final HTTP/1.1",
                "POST /v1/messages HTTP/1.1",
            ]
        )
    }

    @Test func anotherRefusalOfAHeldSubmissionIsNotRetried() async throws {
        let server = try CannedUnixHTTPServer(responses: [
            CannedUnixHTTPServer.response(
                "422 Unprocessable Entity",
                body: #"{"message":"message is empty","code":"invalidMessage"}"#
            )
        ])
        defer { server.stop() }
        let client = APIClient(socketPath: server.path)
        let submission = MessageSubmission(conversationLog: "/ucwa/oauth/v1/applications/105/x", message: "")

        await #expect(throws: APIClientError.self) {
            _ = try await client.submit(submission, waitUntilFinal: .seconds(2))
        }
        try await client.shutdown()
        #expect(server.requests == ["POST /v1/messages?wait=2000ms&until=final HTTP/1.1"])
    }

    private func expectUnreachable(_ client: APIClient, path: String, reason: String) async {
        await #expect {
            _ = try await client.health()
        } throws: { error in
            guard let error = error as? APIClientError else { return false }
            return error.kind == .unreachable && error.exitStatus == .unavailable
                && error.report == "cannot reach the daemon at \(path): \(reason); is ucwa-bridged running?"
                && error.endpoint == "GET /v1/health"
        }
    }

    /// A Unix socket bound at `path` that accepts no connections.
    private func bindWithoutListening(_ path: String) throws -> Int32 {
        try UnixSocketBinding.bind(at: path)
    }
}
