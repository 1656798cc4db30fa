import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `GET /v1/health` written by hand on a fresh Unix-socket connection per attempt, for timing the daemon's start:
/// AsyncHTTPClient backs off after failed connections (the socket does not exist yet), which would blur the moment
/// the API began to answer.
enum HealthProbe {
    /// Tries every `interval` on a thread of its own (each attempt blocks briefly) until the API answers `200`,
    /// `timeout` passes or `isAlive` says the daemon is gone; answers when it first answered.
    static func firstAnswer(
        socketPath: String,
        timeout: Duration,
        interval: Duration = .milliseconds(2),
        isAlive: @escaping @Sendable () -> Bool
    ) async -> ContinuousClock.Instant? {
        let deadline = ContinuousClock.now + timeout
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                // Bounded by the deadline.
                while ContinuousClock.now < deadline, isAlive() {
                    if answers(socketPath) {
                        continuation.resume(returning: ContinuousClock.now)
                        return
                    }
                    usleep(useconds_t(interval.seconds * 1e6))
                }
                continuation.resume(returning: nil)
            }
            thread.name = "health probe"
            thread.start()
        }
    }

    /// Whether one `GET /v1/health` on a new connection to `socketPath` is answered `200` within two seconds.
    static func answers(_ socketPath: String) -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(socketPath.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else { return false }
        var limit = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let request = Array("GET /v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8)
        guard
            request.withUnsafeBytes({ send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) })
                == request.count
        else {
            return false
        }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        return count >= 12 && String(decoding: buffer[0..<12], as: UTF8.self) == "HTTP/1.1 200"
    }
}
