import NIOCore
import NIOHTTP1

/// One HTTP/1.1 request on a kept-alive connection to the daemon's socket, and the promise its answer completes.
struct SocketExchange: Sendable {
    var head: HTTPRequestHead
    var body: ByteBuffer?
    var answer: EventLoopPromise<SocketAnswer>
}
