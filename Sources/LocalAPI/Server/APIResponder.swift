import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOHTTP1

/// Answers the requests of one server: checks the peer, routes, turns every failure into a JSON error, logs one
/// debug line per request and counts it.
struct APIResponder: Sendable {
    let router: RouterResponder<APIRequestContext>
    /// Read once per connection, so that a changed policy applies to the connections accepted after the change.
    let policy: LivePeerPolicy
    let metrics: BridgeMetrics
    let logger: Logger
    let http: HTTP1Channel.Configuration

    /// Serves the requests of `connection` until it closes.
    func serve(_ connection: APIConnection) async {
        let peer = connection.peer
        let decision = policy.current.decide(peer) { SupplementaryGroups.of(pid: peer?.pid ?? 0) }
        switch decision {
        case .allowed(let rule):
            logger.trace("API connection", metadata: Self.metadata(peer).merging(["rule": "\(rule)"]) { $1 })
        case .refused:
            logger.notice("API connection refused: the peer is not allowed", metadata: Self.metadata(peer))
        }
        let channel = HTTP1Channel(
            responder: { request, writer, _ in
                try await respond(to: request, writer: writer, peer: peer, decision: decision)
            },
            configuration: http
        )
        await channel.handle(value: connection.http, logger: logger)
    }

    private func respond(
        to request: Request,
        writer: consuming ResponseWriter,
        peer: PeerCredentials?,
        decision: PeerPolicy.Decision
    ) async throws {
        let started = ContinuousClock.now
        var route = "unmatched"
        var response: Response
        switch decision {
        case .refused(let message):
            response = APIResponse.error(APIError(.peerNotAllowed, message))
        case .allowed:
            let context = APIRequestContext(source: .init(logger: logger, peer: peer))
            do {
                response = try await PeerLogMetadata.$peer.withValue(peer) {
                    try await router.respond(to: request, context: context)
                }
                if let endpoint = context.endpointPath, endpoint != "NotFound" {
                    route = endpoint
                } else {
                    response = Self.unmatched(request)
                }
            } catch let error as HTTPParserError {
                throw error
            } catch {
                logger.error(
                    "an API request failed",
                    metadata: ["method": "\(request.method)", "path": "\(request.uri.path)", "error": "\(error)"]
                )
                response = APIResponse.error(
                    APIError(.internalError, "the daemon could not answer this request; its journal has the details")
                )
            }
        }
        response.headers[.date] = HTTPDate.now()
        let status = response.status.code
        try await writer.write(response: response.head, body: response.body)
        metrics.recordAPIRequest(method: request.method.rawValue, route: route, status: status)
        let elapsed = ContinuousClock.now - started
        logger.debug(
            "\(request.method) \(request.uri.path) \(status)",
            metadata: Self.metadata(peer).merging(
                [
                    "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(status)",
                    "duration-ms": "\(Self.milliseconds(elapsed))",
                ]
            ) { $1 }
        )
    }

    /// `404` for an unknown path, `405` with `Allow` for a known path and another method.
    static func unmatched(_ request: Request) -> Response {
        let path = request.uri.path
        let methods = APIRoute.methods(for: path)
        guard !methods.isEmpty else {
            return APIResponse.error(APIError(.notFound, "no route \(path.prefix(100)); see docs/openapi.yaml"))
        }
        var headers = HTTPFields()
        headers[.allow] = methods.joined(separator: ", ")
        return APIResponse.error(
            APIError(
                .methodNotAllowed,
                "\(request.method) is not served on \(path.prefix(100)); use \(methods.joined(separator: " or "))"
            ),
            headers: headers
        )
    }

    static func metadata(_ peer: PeerCredentials?) -> Logger.Metadata {
        guard let peer else { return ["peer-uid": "unknown"] }
        return ["peer-uid": "\(peer.uid)", "peer-gid": "\(peer.gid)", "peer-pid": "\(peer.pid)"]
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return String(format: "%.1f", value)
    }
}
