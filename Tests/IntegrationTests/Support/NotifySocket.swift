import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The service manager's end of `NOTIFY_SOCKET`: a Unix datagram socket bound to a path, read on a thread of its
/// own. Every datagram (`READY=1\nSTATUS=...`) is kept, in order.
final class NotifySocket: Sendable {
    /// One datagram and when the reader received it (for rates, such as `WATCHDOG=1` pings).
    struct Arrival: Sendable {
        let text: String
        let receivedAt: ContinuousClock.Instant

        /// Whether `assignment` is one of the datagram's lines.
        func carries(_ assignment: String) -> Bool {
            text.split(separator: "\n").contains { $0 == assignment }
        }

        /// The lines that start with `prefix` (such as `STATUS=`).
        func lines(startingWith prefix: String) -> [String] {
            text.split(separator: "\n").filter { $0.hasPrefix(prefix) }.map(String.init)
        }
    }

    /// The socket's path, for `NOTIFY_SOCKET`.
    let path: String

    private let datagrams = Observed<[String]>([])
    private let timed = Observed<[Arrival]>([])
    private let stopped: Atomic<Bool>

    /// Binds `path` (which must not exist) and starts reading.
    init(path: String) throws {
        self.path = path
        stopped = Atomic(false)
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else {
            throw IntegrationError("socket(AF_UNIX, SOCK_DGRAM) failed: \(String(cString: strerror(errno)))")
        }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            Glibc.close(descriptor)
            throw IntegrationError("the notify socket path \(path) is too long for sun_path")
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
            throw IntegrationError("binding the notify socket \(path) failed: \(reason)")
        }
        // Receives time out now and then so that the reader notices close() without racing on the descriptor.
        var interval = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))

        let datagrams = datagrams
        let timed = timed
        let thread = Thread { [weak self] in
            var buffer = [UInt8](repeating: 0, count: 8192)
            while !(self?.isClosed ?? true) {
                let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count > 0 {
                    let text = String(decoding: buffer[0..<count], as: UTF8.self)
                    timed.update { $0.append(Arrival(text: text, receivedAt: .now)) }
                    datagrams.update { $0.append(text) }
                }
            }
            Glibc.close(descriptor)
            datagrams.finish()
            timed.finish()
        }
        thread.name = "notify socket \(path)"
        thread.start()
    }

    private var isClosed: Bool { stopped.load(ordering: .relaxed) }

    /// Every datagram received so far.
    var messages: [String] { datagrams.value }

    /// Every datagram received so far, with its arrival time.
    var arrivals: [Arrival] { timed.value }

    /// Waits up to `timeout` for a datagram that satisfies `predicate` (those already received included) and
    /// answers the first such; `nil` when the time passes first.
    func waitForArrival(timeout: Duration, where predicate: @escaping @Sendable (Arrival) -> Bool) async -> Arrival? {
        await waitForArrivals(timeout: timeout) { $0.contains(where: predicate) }?.first(where: predicate)
    }

    /// Waits up to `timeout` until every datagram so far satisfies `predicate` as a whole, and answers them; `nil`
    /// when the time passes first.
    func waitForArrivals(
        timeout: Duration,
        until predicate: @escaping @Sendable ([Arrival]) -> Bool
    ) async -> [Arrival]? {
        await timed.wait(timeout: timeout, until: predicate)
    }

    /// Whether some datagram carried `assignment` (such as `READY=1`) as one of its lines.
    func received(_ assignment: String) -> Bool {
        Self.contains(assignment, in: datagrams.value)
    }

    /// Waits up to `timeout` for a datagram that carries `assignment`; answers whether one came.
    func waitFor(_ assignment: String, timeout: Duration) async -> Bool {
        await datagrams.wait(timeout: timeout) { Self.contains(assignment, in: $0) } != nil
    }

    /// Waits up to `timeout` until the datagrams after the first `count` satisfy `predicate`, and answers those
    /// datagrams; `nil` when the time passes first.
    func waitForDatagrams(
        after count: Int,
        timeout: Duration,
        until predicate: @escaping @Sendable ([String]) -> Bool
    ) async -> [String]? {
        let all = await datagrams.wait(timeout: timeout) { predicate(Array($0.dropFirst(count))) }
        return all.map { Array($0.dropFirst(count)) }
    }

    /// Stops reading and closes the socket; the path is left for the directory's owner to remove.
    func close() {
        stopped.store(true, ordering: .relaxed)
    }

    deinit {
        stopped.store(true, ordering: .relaxed)
    }

    private static func contains(_ assignment: String, in datagrams: [String]) -> Bool {
        datagrams.contains { $0.split(separator: "\n").contains { $0 == assignment } }
    }
}
