import Foundation
import NIOHTTP1

/// Sends a request with the current bearer token; on 401 renews the token once (from the response's challenge)
/// and replays the same request once. Feeds every outcome to the discovery health.
struct AuthenticatedTransport: Sendable {
    let transport: HTTPTransport
    let tokens: TokenProvider
    let health: DiscoveryHealth

    func send(
        _ method: HTTPMethod,
        _ url: URL,
        body: RequestBody? = nil,
        accept: UCWABodyFormat = .json,
        lane: HTTPTransport.Lane = .command,
        source: String
    ) async -> UCWAOutcome {
        let token: BearerToken?
        do {
            token = try await tokens.current()
        } catch {
            return .notSent(error)
        }
        var result = await exchange(method, url, body: body, accept: accept, token: token, lane: lane, source: source)
        if case .response(let response) = result, response.status == 401 {
            let renewed: BearerToken
            do {
                renewed = try await tokens.renew(
                    rejected: token,
                    challengeHeaders: response.headers["WWW-Authenticate"]
                )
            } catch {
                return .notSent(error)
            }
            result = await exchange(method, url, body: body, accept: accept, token: renewed, lane: lane, source: source)
            if case .response(let replayed) = result, replayed.status == 401 {
                return .notSent(
                    UCWAClientError(
                        code: .tokenRejected,
                        reason: "the server refused a freshly obtained token",
                        source: source,
                        httpStatus: 401
                    )
                )
            }
        }
        let outcome: UCWAOutcome
        switch result {
        case .response(let response): outcome = .classify(response)
        case .notSent(let error): outcome = .notSent(error)
        case .ambiguous(let error): outcome = .ambiguous(error)
        }
        health.record(outcome)
        return outcome
    }

    private func exchange(
        _ method: HTTPMethod,
        _ url: URL,
        body: RequestBody?,
        accept: UCWABodyFormat,
        token: BearerToken?,
        lane: HTTPTransport.Lane,
        source: String
    ) async -> TransportResult {
        var headers = HTTPHeaders()
        headers.add(name: "Accept", value: accept.contentType)
        if let token {
            headers.add(name: "Authorization", value: token.authorization)
        }
        if let body {
            headers.add(name: "Content-Type", value: body.contentType)
        }
        return await transport.exchange(method, url, headers: headers, body: body?.bytes, lane: lane, source: source)
    }
}
