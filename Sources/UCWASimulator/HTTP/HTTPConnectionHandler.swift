import NIOCore
import NIOHTTP1

/// One HTTP/1.1 connection of the simulator, confined to its event loop: it assembles each
/// request, hands it to the server's handler and writes the answer whenever it comes — at once
/// (still inside `channelRead`) for most requests, later for a held P-GET or a scripted
/// operation, without a task or a thread hop in between.
///
/// `HTTPServerPipelineHandler` in front of it holds back the next request of a keep-alive
/// connection until the answer to the current one is written, so at most one request is in
/// flight and answers leave in order.
final class HTTPConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Fired through the pipeline when the server stops: an idle connection closes at once, a
    /// busy one right after its current answer is written.
    struct ShutdownEvent: Sendable {}

    private let handler: HTTPServer.Handler
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var tooLarge = false
    /// A complete request is waiting for its answer.
    private var busy = false
    /// Counts dispatched requests, so that an answer can only be written for the request it
    /// belongs to, and only once.
    private var requestNumber: UInt64 = 0
    private var stopping = false
    private var removed = false

    init(handler: @escaping HTTPServer.Handler) {
        self.handler = handler
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        removed = true
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = []
            tooLarge = false
        case .body(let chunk):
            tooLarge = tooLarge || body.count + chunk.readableBytes > HTTPServer.maximumBodySize
            if !tooLarge {
                body.append(contentsOf: chunk.readableBytesView)
            }
        case .end:
            guard let requestHead = head else { return }
            head = nil
            dispatch(requestHead, context: context)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is ShutdownEvent else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        stopping = true
        if !busy {
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    /// Hands a complete request to the server's handler; its answer comes back on this loop.
    private func dispatch(_ requestHead: HTTPRequestHead, context: ChannelHandlerContext) {
        busy = true
        requestNumber &+= 1
        let number = requestNumber
        if tooLarge {
            answer(SimulatorResponse(status: .payloadTooLarge), to: requestHead, number: number, context: context)
            return
        }
        let request = SimulatorRequest(
            method: requestHead.method,
            uri: requestHead.uri,
            headers: requestHead.headers,
            body: body
        )
        body = []
        let loop = context.eventLoop
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: loop)
        handler(request) { response in
            if loop.inEventLoop {
                bound.value.handler.answer(response, to: requestHead, number: number, context: bound.value.context)
            } else {
                loop.execute {
                    bound.value.handler.answer(response, to: requestHead, number: number, context: bound.value.context)
                }
            }
        }
    }

    /// Writes the answer to request `number`, then runs its `afterWrite` and closes the
    /// connection if it does not stay open.
    private func answer(
        _ response: SimulatorResponse,
        to requestHead: HTTPRequestHead,
        number: UInt64,
        context: ChannelHandlerContext
    ) {
        guard busy, number == requestNumber else { return }
        // Before writing: writing the end of the answer may deliver the next request at once.
        busy = false
        guard !removed else {
            response.afterWrite?()
            return
        }
        if response.disposition == .closeWithoutAnswer {
            response.afterWrite?()
            context.close(promise: nil)
            return
        }
        var headers = HTTPHeaders(response.headers)
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        if !requestHead.isKeepAlive {
            headers.replaceOrAdd(name: "Connection", value: "close")
        }
        let responseHead = HTTPResponseHead(version: requestHead.version, status: response.status, headers: headers)
        context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
        if !response.body.isEmpty {
            let buffer = context.channel.allocator.buffer(bytes: response.body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        }
        let closing = !requestHead.isKeepAlive || stopping
        guard response.afterWrite != nil || closing else {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            return
        }
        let written = context.eventLoop.makePromise(of: Void.self)
        let channel = context.channel
        written.futureResult.whenComplete { _ in
            response.afterWrite?()
            if closing {
                channel.close(promise: nil)
            }
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: written)
    }
}
