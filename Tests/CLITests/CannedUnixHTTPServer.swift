import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A Unix-socket HTTP server that answers each connection's one request with the next canned response and closes
/// it, counting the requests; for the client's handling of answers a real daemon gives only in passing.
final class CannedUnixHTTPServer: Sendable {
    let path: String
    private let listener: Int32
    private let responses: Mutex<[String]>
    private let served = Mutex(0)
    private let requestLines = Mutex<[String]>([])

    /// Listens at a new path in the temporary directory; `responses` are whole HTTP/1.1 responses, given out in
    /// order (the last one again when they run out).
    init(responses: [String]) throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("ucwa-bridge-cli-\(UUID().uuidString).sock").path
        self.responses = Mutex(responses)
        listener = try UnixSocketBinding.bind(at: path)
        try #require(listen(listener, 8) == 0)
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// How many requests were answered.
    var requestCount: Int { served.withLock { $0 } }

    /// The request line (`POST /v1/messages?wait=... HTTP/1.1`) of each request, in order.
    var requests: [String] { requestLines.withLock { $0 } }

    /// Stops accepting and removes the socket.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        unlink(path)
    }

    /// A response with `status`, the API's JSON `body` and `headers`.
    static func response(_ status: String, body: String, headers: [String] = []) -> String {
        let head =
            [
                "HTTP/1.1 \(status)", "Content-Type: application/json", "Content-Length: \(body.utf8.count)",
                "Connection: close",
            ] + headers
        return head.joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    private func serve() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            let requestLine = readRequest(connection)
            requestLines.withLock { $0.append(requestLine) }
            let response = responses.withLock { queue in queue.count > 1 ? queue.removeFirst() : queue[0] }
            served.withLock { $0 += 1 }
            let bytes = Array(response.utf8)
            _ = bytes.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
            close(connection)
        }
    }

    /// Reads a request, its head and the body its `Content-Length` announces, and returns its request line. Reading
    /// the body before the answer matters: closing a socket with unread bytes resets the connection, and the client
    /// could then lose the answer.
    private func readRequest(_ connection: Int32) -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator = Array("\r\n\r\n".utf8)
        var expected: Int?
        while expected.map({ received.count < $0 }) ?? true {
            let count = buffer.withUnsafeMutableBytes { read(connection, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            received += buffer[0..<count]
            if expected == nil, let end = received.firstRange(of: separator) {
                let head = String(decoding: received[..<end.lowerBound], as: UTF8.self)
                expected = end.upperBound + Self.contentLength(of: head)
            }
        }
        return String(decoding: received.prefix { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
    }

    private static func contentLength(of head: String) -> Int {
        for line in head.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                return Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
            }
        }
        return 0
    }
}
