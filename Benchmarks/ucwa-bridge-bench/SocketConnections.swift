import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// Kept-alive HTTP/1.1 connections to the daemon's Unix socket, one per call in progress: a call takes an idle one or
/// opens one, and gives it back when its answer is read.
///
/// The benchmark's load generator: it shares the two cores with the daemon and the simulator, so it does as little
/// as a client can (NIO's HTTP codec and a promise per call; no connection pool state machine, no redirects, no
/// per-request task), and its CPU is reported apart as *bench as client*.
final class SocketConnections: Sendable {
    let socketPath: String
    private let group: any EventLoopGroup
    private let idle = Mutex<[any Channel]>([])

    init(socketPath: String, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.socketPath = socketPath
        self.group = group
    }

    /// Sends one request and returns its answer; fails when no answer comes within `timeout` (the connection is
    /// then closed, as its answer would come to the next call).
    func call(
        _ method: HTTPMethod,
        _ uri: String,
        contentType: String? = nil,
        body: ByteBuffer? = nil,
        timeout: Duration
    ) async throws -> SocketAnswer {
        let channel = try await take()
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: uri)
        head.headers.add(name: "Host", value: "localhost")
        head.headers.add(name: "Accept", value: "application/json")
        if let body {
            head.headers.add(name: "Content-Type", value: contentType ?? "application/json")
            head.headers.add(name: "Content-Length", value: String(body.readableBytes))
        }
        let answer = channel.eventLoop.makePromise(of: SocketAnswer.self)
        // Whatever ends the call completes the promise (a second completion is ignored): the answer, a failed
        // write (the connection closed after `take()` found it open), or the time-out, which also closes the
        // connection, since its answer could still come to the next call.
        let expiry = channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            answer.fail(BenchmarkError("no answer within \(timeout)"))
            channel.close(promise: nil)
        }
        answer.futureResult.whenComplete { _ in expiry.cancel() }
        channel.writeAndFlush(SocketExchange(head: head, body: body, answer: answer)).whenFailure { error in
            answer.fail(error)
        }
        do {
            let result = try await answer.futureResult.get()
            idle.withLock { $0.append(channel) }
            return result
        } catch {
            channel.close(promise: nil)
            throw BenchmarkError("\(method.rawValue) \(uri) got no answer: \(error)")
        }
    }

    /// An idle connection that is still open, or a new one. The daemon's connections close when it stops.
    private func take() async throws -> any Channel {
        // Bounded: every pass removes one idle connection.
        while let channel = idle.withLock({ $0.popLast() }) {
            if channel.isActive {
                return channel
            }
        }
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(5))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(SocketExchangeHandler())
                }
            }
            .connect(unixDomainSocketPath: socketPath)
            .get()
        return channel
    }
}
