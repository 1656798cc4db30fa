import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The service manager's end of `NOTIFY_SOCKET`: a Unix datagram socket bound to a path, on which the daemon sends
/// `READY=1` once its API listens. The benchmark notes when that datagram arrived.
final class NotifySocket: Sendable {
    /// The socket's path, for `NOTIFY_SOCKET`.
    let path: String
    private let descriptor: Int32

    /// Binds `path`, which must not exist.
    init(path: String) throws {
        self.path = path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else {
            throw BenchmarkError("socket(AF_UNIX, SOCK_DGRAM) failed: \(String(cString: strerror(errno)))")
        }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            Glibc.close(descriptor)
            throw BenchmarkError("the notify socket path \(path) is too long")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(descriptor)
            throw BenchmarkError("binding the notify socket \(path) failed: \(reason)")
        }
    }

    /// Waits on a thread of its own (the wait blocks in `poll(2)`) until a datagram carries `READY=1`, `timeout`
    /// passes, or `isAlive` says the sender is gone; answers when `READY=1` arrived.
    func waitForReady(
        timeout: Duration,
        isAlive: @escaping @Sendable () -> Bool
    ) async -> ContinuousClock.Instant? {
        let deadline = ContinuousClock.now + timeout
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: self.blockingWait(until: deadline, isAlive: isAlive))
            }
            thread.name = "notify socket"
            thread.start()
        }
    }

    /// Closes the socket and removes its path.
    func close() {
        Glibc.close(descriptor)
        unlink(path)
    }

    private func blockingWait(
        until deadline: ContinuousClock.Instant,
        isAlive: @Sendable () -> Bool
    ) -> ContinuousClock.Instant? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        // Bounded by the deadline; each poll waits at most 20 ms.
        while ContinuousClock.now < deadline {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            if poll(&request, 1, 20) > 0 {
                let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                let arrived = ContinuousClock.now
                if count > 0,
                    String(decoding: buffer[0..<count], as: UTF8.self).split(separator: "\n").contains("READY=1")
                {
                    return arrived
                }
            } else if !isAlive() {
                return nil
            }
        }
        return nil
    }
}
