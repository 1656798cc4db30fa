import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// The response delegate of one exchange: it records whether the request head was written (the boundary between
/// "never sent" and "may have been received") and collects the response up to a size limit.
final class ExchangeRecorder: HTTPClientResponseDelegate {
    typealias Response = UCWAResponse

    struct Progress: Sendable {
        var headSent = false
        var status: Int?
        var headers = HTTPHeaders()
        var body = Data()
        var overflow = false
    }

    private let limit: Int
    private let progress = Mutex(Progress())

    init(limit: Int) {
        self.limit = limit
    }

    /// What happened so far.
    var snapshot: Progress { progress.withLock { $0 } }

    func didSendRequestHead(task: HTTPClient.Task<UCWAResponse>, _ head: HTTPRequestHead) {
        progress.withLock { $0.headSent = true }
    }

    func didReceiveHead(task: HTTPClient.Task<UCWAResponse>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        progress.withLock { progress in
            progress.headSent = true
            progress.status = Int(head.status.code)
            progress.headers = head.headers
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<UCWAResponse>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        let overflow = progress.withLock { progress -> Bool in
            guard progress.body.count + buffer.readableBytes <= limit else {
                progress.overflow = true
                return true
            }
            progress.body.append(contentsOf: buffer.readableBytesView)
            return false
        }
        if overflow {
            return task.eventLoop.makeFailedFuture(
                UCWAClientError(code: .responseTooLarge, reason: "more than \(limit) bytes", source: "request")
            )
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: HTTPClient.Task<UCWAResponse>) throws -> UCWAResponse {
        let progress = snapshot
        return UCWAResponse(status: progress.status ?? 0, headers: progress.headers, body: progress.body)
    }
}
