import NIOCore
import NIOHTTP1

/// Writes each ``SocketExchange`` as a request and completes its promise with the answer that comes back, in order.
/// A connection that closes or fails fails every exchange still waiting.
final class SocketExchangeHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = SocketExchange
    typealias OutboundOut = HTTPClientRequestPart

    private var waiting = CircularBuffer<EventLoopPromise<SocketAnswer>>()
    private var status = 0
    private var body = ByteBuffer()

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        guard context.channel.isActive else {
            exchange.answer.fail(BenchmarkError("the daemon closed the API connection"))
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        waiting.append(exchange.answer)
        context.write(wrapOutboundOut(.head(exchange.head)), promise: nil)
        if let body = exchange.body {
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        context.write(wrapOutboundOut(.end(nil)), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
            body.clear()
        case .body(var part):
            body.writeBuffer(&part)
        case .end:
            guard let answer = waiting.popFirst() else {
                context.close(promise: nil)
                return
            }
            answer.succeed(SocketAnswer(status: status, body: body))
            body = ByteBuffer()
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        failWaiting(BenchmarkError("the daemon closed the API connection"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failWaiting(error)
        context.close(promise: nil)
    }

    private func failWaiting(_ error: any Error) {
        while let answer = waiting.popFirst() {
            answer.fail(error)
        }
    }
}
