import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import TestSupport
import Testing
import UCWASimulator

/// A response as the tests look at it.
struct TestResponse: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object; fails the test when it is not one.
    func json(sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONObject {
        let object = try JSONSerialization.jsonObject(with: Data(body))
        return try #require(object as? [String: Any], "not a JSON object: \(text)", sourceLocation: sourceLocation)
            .asJSONObject
    }

    func header(_ name: String) -> String? {
        headers.first(name: name)
    }
}

/// A read-only view of a JSON object with small accessors for UCWA's `_links`/`_embedded`.
struct JSONObject: @unchecked Sendable {
    // Only ever holds values produced by JSONSerialization (immutable Foundation objects),
    // and is never mutated after creation, so sharing it across tasks is safe.
    let raw: [String: Any]

    subscript(key: String) -> Any? { raw[key] }

    func string(_ key: String) -> String? { raw[key] as? String }

    func object(_ key: String) -> JSONObject? { (raw[key] as? [String: Any])?.asJSONObject }

    func objects(_ key: String) -> [JSONObject] {
        (raw[key] as? [[String: Any]])?.map(\.asJSONObject) ?? []
    }

    /// `_links[rel].href`.
    func link(_ rel: String) -> String? { object("_links")?.object(rel)?.string("href") }

    /// `_embedded[key]`.
    func embedded(_ key: String) -> JSONObject? { object("_embedded")?.object(key) }

    var keys: Set<String> { Set(raw.keys) }

    /// The events of an event channel response, flattened in order, with their sender's rel.
    var events: [(sender: String, event: JSONObject)] {
        objects("sender").flatMap { sender in
            sender.objects("events").map { (sender.string("rel") ?? "", $0) }
        }
    }
}

extension Dictionary where Key == String, Value == Any {
    var asJSONObject: JSONObject { JSONObject(raw: self) }
}

/// An application opened through the HTTP API: token, application and links.
struct TestSession: Sendable {
    var token: String
    var application: JSONObject
    var applicationHref: String
    var eventsHref: String
    var conversationLogsHref: String
    var logHrefs: [String]

    var firstLog: String { logHrefs[0] }
    var continueMessagingHref: String { logHrefs[0] + "/continueMessaging" }
}

/// One simulator on 127.0.0.1, port 0, on a manual clock, with an HTTP client to talk to it.
final class SimulatorFixture: Sendable {
    let clock = ManualClock()
    let simulator: SimulatorServer
    let client: HTTPClient

    private init(configuration: SimulatorConfiguration) {
        var logger = Logger(label: "ucwa-sim-tests")
        logger.logLevel = .warning
        simulator = SimulatorServer(configuration: configuration, clock: clock, logger: logger)
        client = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: HTTPClient.Configuration(
                redirectConfiguration: .disallow,
                timeout: .init(connect: .seconds(5), read: .seconds(60))
            )
        )
    }

    /// Runs `body` against a fresh simulator and shuts both ends down afterwards.
    static func run(
        _ configure: (inout SimulatorConfiguration) -> Void = { _ in },
        _ body: (SimulatorFixture) async throws -> Void
    ) async throws {
        var configuration = SimulatorConfiguration()
        configure(&configuration)
        let fixture = SimulatorFixture(configuration: configuration)
        try await fixture.simulator.start()
        do {
            try await body(fixture)
        } catch {
            await fixture.close()
            throw error
        }
        await fixture.close()
    }

    private func close() async {
        await simulator.shutdown()
        try? await client.shutdown()
    }

    var origin: String { simulator.origin.absoluteString }

    /// Sends a request to an absolute URL or to a path on the simulator's origin.
    func request(
        _ method: HTTPMethod,
        _ target: String,
        token: String? = nil,
        body: String? = nil,
        contentType: String? = nil,
        accept: String? = "application/json"
    ) async throws -> TestResponse {
        var request = HTTPClientRequest(url: target.hasPrefix("http") ? target : origin + target)
        request.method = method
        if let token {
            request.headers.add(name: "Authorization", value: "Bearer " + token)
        }
        if let accept {
            request.headers.add(name: "Accept", value: accept)
        }
        if let contentType {
            request.headers.add(name: "Content-Type", value: contentType)
        }
        if let body {
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await client.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return TestResponse(status: Int(response.status.code), headers: response.headers, body: Array(buffer: bytes))
    }

    func get(_ target: String, token: String? = nil, accept: String? = "application/json") async throws -> TestResponse
    {
        try await request(.GET, target, token: token, accept: accept)
    }

    func postJSON(_ target: String, token: String? = nil, _ body: String) async throws -> TestResponse {
        try await request(.POST, target, token: token, body: body, contentType: "application/json")
    }

    /// A token for `username`/`password` from the password grant.
    func token(
        username: String = SimulatedUser.default.username,
        password: String = SimulatedUser.default.password
    ) async throws -> String {
        let response = try await request(
            .POST,
            "/WebTicket/oauthtoken",
            body: "grant_type=password&username=\(Self.formEncode(username))&password=\(Self.formEncode(password))",
            contentType: "application/x-www-form-urlencoded;charset=UTF-8"
        )
        #expect(response.status == 200, "\(response.text)")
        return try #require(try response.json().string("access_token"))
    }

    /// Authenticates, creates an application and reads its conversation logs.
    func openSession(endpointId: String = "9f2c7d1e-0000-4000-8000-000000000001") async throws -> TestSession {
        let token = try await token()
        let created = try await postJSON(
            "/ucwa/oauth/v1/applications",
            token: token,
            #"{"culture":"en-US","endpointId":"\#(endpointId)","userAgent":"ucwa-bridge-tests"}"#
        )
        #expect(created.status == 201 || created.status == 200, "\(created.text)")
        let application = try created.json()
        let communication = try #require(application.embedded("communication"))
        let logsHref = try #require(communication.link("conversationLogs"))
        let logs = try await get(logsHref, token: token)
        #expect(logs.status == 200)
        let logHrefs = try #require(try logs.json().object("_links")?.objects("conversationLog")).compactMap {
            $0.string("href")
        }
        return TestSession(
            token: token,
            application: application,
            applicationHref: try #require(application.link("self")),
            eventsHref: try #require(application.link("events")),
            conversationLogsHref: logsHref,
            logHrefs: logHrefs
        )
    }

    /// Starts a P-GET in a child task and returns once the simulator holds it (its timer sleeps
    /// on the manual clock), given that `sleepersBefore` timers were sleeping before.
    func park(_ href: String, token: String, sleepersBefore: Int = 0, accept: String = "application/json") async
        -> Task<TestResponse, any Error>
    {
        let task = Task { try await self.get(href, token: token, accept: accept) }
        await clock.sleepers(atLeast: sleepersBefore + 1)
        return task
    }

    /// A continueMessaging JSON body with a base64 data: URI for `text`.
    static func continueMessagingBody(operationId: String, text: String) -> String {
        let encoded = Data(text.utf8).base64EncodedString()
        return #"{"operationId":"\#(operationId)","_links":{"message":{"href":"data:text/plain;base64,\#(encoded)"}}}"#
    }

    static func formEncode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value).replacingOccurrences(
            of: "%20",
            with: "+"
        )
    }
}
