import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A signed-in application on the simulator, driven the way a UCWA client must drive it.
struct BenchmarkSession {
    let client: HTTPClient
    let origin: String
    let token: String
    let continueMessaging: String
    /// The first events href of the application.
    let events: String

    static func signIn(client: HTTPClient, discoveryURL: String) async throws -> BenchmarkSession {
        let root = try await json(client, discoveryURL)
        let userHref = try link(root, "user")
        let challenge = try await client.execute(HTTPClientRequest(url: userHref), timeout: .seconds(10))
        guard challenge.status == .unauthorized else { throw BenchmarkError("user did not challenge") }
        let header = challenge.headers["WWW-Authenticate"].joined(separator: ",")
        guard let hrefRange = header.range(of: #"href="([^"]+)""#, options: .regularExpression) else {
            throw BenchmarkError("no MsRtcOAuth href")
        }
        let tokenHref = String(header[hrefRange].dropFirst(6).dropLast())

        var tokenRequest = HTTPClientRequest(url: tokenHref)
        tokenRequest.method = .POST
        tokenRequest.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        tokenRequest.body = .bytes(
            ByteBuffer(string: "grant_type=password&username=bridge%40contoso.com&password=simulator")
        )
        let tokenBody = try await object(client.execute(tokenRequest, timeout: .seconds(10)))
        guard let token = tokenBody["access_token"] as? String else { throw BenchmarkError("no token") }
        let authorization = "Bearer \(token)"

        let user = try await json(client, userHref, authorization: authorization)
        var create = HTTPClientRequest(url: try link(user, "applications"))
        create.method = .POST
        create.headers.add(name: "Authorization", value: authorization)
        create.headers.add(name: "Content-Type", value: "application/json")
        create.body = .bytes(
            ByteBuffer(string: #"{"culture":"en-US","endpointId":"bench","userAgent":"ucwa-sim-bench"}"#)
        )
        let application = try await object(client.execute(create, timeout: .seconds(10)))

        let originURL = URL(string: discoveryURL)!
        let origin = "\(originURL.scheme!)://\(originURL.host!):\(originURL.port!)"
        let embedded = application["_embedded"] as? [String: Any] ?? [:]
        let communication = embedded["communication"] as? [String: Any] ?? [:]
        let logs = try await json(
            client,
            resolve(try link(communication, "conversationLogs"), origin),
            authorization: authorization
        )
        let logLinks = (logs["_links"] as? [String: Any])?["conversationLog"] as? [[String: Any]] ?? []
        guard let logHref = logLinks.first?["href"] as? String else { throw BenchmarkError("no conversation log") }
        let log = try await json(client, resolve(logHref, origin), authorization: authorization)

        return BenchmarkSession(
            client: client,
            origin: origin,
            token: authorization,
            continueMessaging: resolve(try link(log, "continueMessaging"), origin),
            events: try link(application, "events")
        )
    }

    /// Runs round trips one after another, following the event channel from `next`; returns how
    /// many POSTs met CallbackChannelError.
    func run(roundTrips: Int, next: inout String) async throws -> Int {
        var retries = 0
        for _ in 0..<roundTrips {
            let operationId = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let href = next
            let poll = Task { try await pollEvents(href) }
            var status: HTTPResponseStatus = .internalServerError
            for _ in 0..<5 where status == .internalServerError {
                status = try await post(operationId: operationId)
                if status == .internalServerError { retries += 1 }
            }
            guard status == .created else { throw BenchmarkError("continueMessaging answered \(status)") }
            var (seen, following) = try await poll.value
            var polls = 0
            while !seen.contains(operationId) {
                polls += 1
                guard polls < 10 else { throw BenchmarkError("no completed event for \(operationId)") }
                (seen, following) = try await pollEvents(following)
            }
            next = following
        }
        return retries
    }

    private func post(operationId: String) async throws -> HTTPResponseStatus {
        var request = HTTPClientRequest(url: continueMessaging)
        request.method = .POST
        request.headers.add(name: "Authorization", value: token)
        request.headers.add(name: "Content-Type", value: "application/json")
        let message = Data("benchmark message".utf8).base64EncodedString()
        request.body = .bytes(
            ByteBuffer(
                string:
                    #"{"operationId":"\#(operationId)","_links":{"message":{"href":"data:text/plain;base64,\#(message)"}}}"#
            )
        )
        let response = try await client.execute(request, timeout: .seconds(10))
        _ = try await response.body.collect(upTo: 1 << 20)
        return response.status
    }

    /// One P-GET on `href` (with `timeout` added by a URL builder, the `ack` left as the server
    /// wrote it); returns the operationIds of the `completed` events it carried and the next href.
    private func pollEvents(_ href: String) async throws -> (completed: Set<String>, next: String) {
        guard var url = URLComponents(string: Self.resolve(href, origin)) else {
            throw BenchmarkError("bad events href")
        }
        url.queryItems = (url.queryItems ?? []) + [URLQueryItem(name: "timeout", value: "180")]
        let body = try await Self.json(client, url.string!, authorization: token)
        let links = body["_links"] as? [String: Any] ?? [:]
        guard let next = (links["next"] ?? links["resume"]) as? [String: Any], let nextHref = next["href"] as? String
        else {
            throw BenchmarkError("events response without next")
        }
        var completed: Set<String> = []
        for sender in body["sender"] as? [[String: Any]] ?? [] {
            for event in sender["events"] as? [[String: Any]] ?? [] where event["type"] as? String == "completed" {
                let rel = (event["link"] as? [String: Any])?["rel"] as? String ?? ""
                let resource = (event["_embedded"] as? [String: Any])?[rel] as? [String: Any]
                if let operationId = resource?["operationId"] as? String { completed.insert(operationId) }
            }
        }
        return (completed, nextHref)
    }

    private static func json(_ client: HTTPClient, _ url: String, authorization: String? = nil) async throws -> [String:
        Any]
    {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        return try await object(client.execute(request, timeout: .seconds(200)))
    }

    private static func object(_ response: HTTPClientResponse) async throws -> [String: Any] {
        let body = try await response.body.collect(upTo: 1 << 20)
        guard let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] else {
            throw BenchmarkError("not a JSON object (HTTP \(response.status.code))")
        }
        return object
    }

    /// An href resolved against the UCWA origin: relative hrefs are relative to its host.
    private static func resolve(_ href: String, _ origin: String) -> String {
        URL(string: href, relativeTo: URL(string: origin))?.absoluteURL.absoluteString ?? href
    }

    private static func link(_ resource: [String: Any], _ rel: String) throws -> String {
        guard let links = resource["_links"] as? [String: Any], let link = links[rel] as? [String: Any],
            let href = link["href"] as? String
        else { throw BenchmarkError("no \(rel) link") }
        return href
    }
}
