import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization

/// The two HTTP clients of the UCWA side: one for commands, one for the long poll whose read timeout exceeds the
/// P-GET `timeout`. Every URL goes through the host mapping and the loopback rule before a connection is made;
/// redirects are never followed automatically.
final class HTTPTransport: Sendable {
    /// Which client carries a request.
    enum Lane: Sendable {
        /// Discovery, tokens, applications, operations.
        case command
        /// Event-channel P-GETs.
        case longPoll
    }

    /// The largest response body accepted.
    static let maximumBodySize = 4 << 20

    private let commands: HTTPClient
    private let longPoll: HTTPClient
    private let mapping: DiscoveryHostMapping
    private let logger: Logger
    private let shutDown = Mutex(false)

    init(configuration: UCWAClientConfiguration, logger: Logger) throws(UCWAClientError) {
        let tls = try Self.tlsConfiguration(caFile: configuration.caFile)
        let connect = TimeAmount.nanoseconds(Self.nanoseconds(configuration.connectTimeout))
        func make(read: Duration) -> HTTPClient {
            var http = HTTPClient.Configuration(
                tlsConfiguration: tls,
                redirectConfiguration: .disallow,
                timeout: .init(connect: connect, read: .nanoseconds(Self.nanoseconds(read)))
            )
            http.httpVersion = .http1Only
            // No tracing: with the default no-op tracer the client still makes a span and sets its attributes for
            // every request (2 % of the daemon's CPU in a closed loop).
            http.tracing.tracer = nil
            return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: http)
        }
        self.commands = make(read: configuration.requestTimeout)
        self.longPoll = make(read: configuration.eventTimeout + configuration.longPollMargin)
        self.mapping = configuration.hostMapping
        self.logger = logger
    }

    /// Sends one request and collects its response.
    ///
    /// A failure before the request head was written is ``TransportResult/notSent(_:)``: connection refused, name
    /// resolution, TLS handshake, connect timeout, cancellation while waiting for a connection. Anything after
    /// that is ``TransportResult/ambiguous(_:)``: a reset, a read timeout, a connection closed without an answer,
    /// cancellation of a sent request. AsyncHTTPClient reports the head as written once it is flushed to the
    /// socket, not once the server read it, so "ambiguous" includes requests that never arrived.
    func exchange(
        _ method: HTTPMethod,
        _ url: URL,
        headers: HTTPHeaders,
        body: Data? = nil,
        lane: Lane = .command,
        source: String
    ) async -> TransportResult {
        let target = mapping.map(url)
        do {
            try URLSecurityPolicy.check(target, source: source)
        } catch {
            return .notSent(error)
        }
        guard !shutDown.withLock({ $0 }) else {
            return .notSent(UCWAClientError(code: .shutDown, reason: "the client was shut down", source: source))
        }
        let request: HTTPClient.Request
        do {
            request = try HTTPClient.Request(
                url: target.absoluteString,
                method: method,
                headers: headers,
                body: body.map { .data($0) }
            )
        } catch {
            return .notSent(UCWAClientError(code: .invalidHref, reason: "\(error)", source: source))
        }
        let recorder = ExchangeRecorder(limit: Self.maximumBodySize)
        let client = lane == .command ? commands : longPoll
        let task = client.execute(request: request, delegate: recorder, eventLoop: .indifferent, logger: nil)
        do {
            let response = try await withTaskCancellationHandler {
                try await task.get()
            } onCancel: {
                task.cancel()
            }
            return .response(response)
        } catch {
            let progress = recorder.snapshot
            let reason = Self.describe(error)
            if let error = error as? UCWAClientError {
                return .ambiguous(error)
            }
            if progress.headSent {
                return .ambiguous(
                    UCWAClientError(code: .connectionLost, reason: reason, source: source, httpStatus: progress.status)
                )
            }
            return .notSent(UCWAClientError(code: .connectionFailed, reason: reason, source: source))
        }
    }

    /// Whether ``shutdown()`` was called: every later exchange is refused with `shutDown`.
    var isShutDown: Bool { shutDown.withLock { $0 } }

    /// Closes both clients; requests in flight fail, later ones are refused.
    func shutdown() async {
        shutDown.withLock { $0 = true }
        try? await commands.shutdown()
        try? await longPoll.shutdown()
    }

    private static func describe(_ error: any Error) -> String {
        if error is CancellationError {
            return "cancelled"
        }
        if let error = error as? HTTPClientError {
            return "\(error)"
        }
        return String(describing: type(of: error)) + ": \(error)"
    }

    private static func tlsConfiguration(caFile: String?) throws(UCWAClientError) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        guard let caFile else { return tls }
        do {
            let certificates = try NIOSSLCertificate.fromPEMFile(caFile)
            guard !certificates.isEmpty else {
                throw UCWAClientError(
                    code: .invalidConfiguration,
                    reason: "the CA file \(caFile) holds no certificate",
                    source: "tls"
                )
            }
            tls.additionalTrustRoots = [.certificates(certificates)]
        } catch let error as UCWAClientError {
            throw error
        } catch {
            throw UCWAClientError(
                code: .invalidConfiguration,
                reason: "the CA file \(caFile) is not a readable PEM file",
                source: "tls"
            )
        }
        return tls
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
