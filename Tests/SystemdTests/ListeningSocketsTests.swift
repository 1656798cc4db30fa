import Foundation
import Testing

@testable import Systemd

#if canImport(Glibc)
    import Glibc
#endif

/// The `sd_is_socket_unix(3)` check of a socket-activated descriptor, on real sockets of each kind.
@Suite struct ListeningSocketsTests {
    /// A fresh directory for socket files, removed afterwards.
    final class SocketDirectory {
        let path: String
        private var descriptors: [Int32] = []

        init() throws {
            path =
                FileManager.default.temporaryDirectory
                .appendingPathComponent("ucwa-bridge-sockets-\(UUID().uuidString.prefix(8))").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        deinit {
            descriptors.forEach { close($0) }
            try? FileManager.default.removeItem(atPath: path)
        }

        /// A Unix socket of `type` bound to `name` in the directory, listening when asked.
        func socket(_ name: String, type: Int32 = Int32(SOCK_STREAM.rawValue), listening: Bool = true) throws
            -> Int32
        {
            let descriptor = Glibc.socket(AF_UNIX, type, 0)
            try #require(descriptor >= 0)
            descriptors.append(descriptor)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let bytes = Array((path + "/" + name).utf8)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            try #require(bound == 0, "bind: \(String(cString: strerror(errno)))")
            if listening {
                try #require(listen(descriptor, 8) == 0)
            }
            return descriptor
        }

        /// Keeps `descriptor` to close it with the directory.
        func keep(_ descriptor: Int32) -> Int32 {
            descriptors.append(descriptor)
            return descriptor
        }
    }

    /// The reason of the ``SystemdError`` that checking `descriptor` throws.
    static func refusal(_ descriptor: Int32, boundTo path: String? = nil) -> SystemdError? {
        return #expect(throws: SystemdError.self) {
            try ListeningSockets.checkUnixStreamListener(descriptor, boundTo: path)
        }
    }

    @Test func acceptsAListeningUnixStreamSocketAtThePathExpected() throws {
        let directory = try SocketDirectory()
        let descriptor = try directory.socket("api.sock")
        try ListeningSockets.checkUnixStreamListener(descriptor, boundTo: nil)
        try ListeningSockets.checkUnixStreamListener(descriptor, boundTo: directory.path + "/api.sock")

        let link = directory.path + "/link.sock"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "api.sock")
        try ListeningSockets.checkUnixStreamListener(descriptor, boundTo: link)
    }

    @Test func refusesASocketBoundElsewhereNamingBothPaths() throws {
        let directory = try SocketDirectory()
        let descriptor = try directory.socket("other.sock")
        let expected = directory.path + "/api.sock"
        let error = try #require(Self.refusal(descriptor, boundTo: expected))
        #expect(error.code == .unsuitableSocket)
        let reason = try #require(error.reason)
        #expect(reason.contains("is bound to \(directory.path)/other.sock, not to \(expected)"))
        #expect(error.description == "unsuitableSocket: \(reason)")
    }

    @Test func refusesEveryOtherKindOfDescriptorSayingWhatItIs() throws {
        let directory = try SocketDirectory()
        let cases: [(descriptor: Int32, says: String)] = [
            (
                try directory.socket("dgram.sock", type: Int32(SOCK_DGRAM.rawValue), listening: false),
                "a datagram socket, not a stream socket"
            ),
            (try directory.socket("seq.sock", type: Int32(SOCK_SEQPACKET.rawValue)), "a sequential-packet socket"),
            (try directory.socket("idle.sock", listening: false), "is not listening"),
            (directory.keep(socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)), "an IPv4 socket, not a Unix socket"),
        ]
        for (descriptor, says) in cases {
            let error = try #require(Self.refusal(descriptor))
            #expect(error.code == .unsuitableSocket)
            #expect(error.reason?.contains("the socket passed as fd \(descriptor) ") == true)
            #expect(error.reason?.contains(says) == true, "\(error)")
        }

        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        _ = directory.keep(ends[0])
        _ = directory.keep(ends[1])
        #expect(Self.refusal(ends[0])?.reason?.hasSuffix("is not a socket") == true)
    }

    @Test func aClosedDescriptorCarriesTheErrno() throws {
        let error = try #require(Self.refusal(9_999))
        #expect(error.code == .unsuitableSocket)
        #expect(error.errno == EBADF)
        #expect(error.reason?.contains("cannot be examined") == true)
    }

    @Test func exactlyOnePassedSocketIsServed() throws {
        let directory = try SocketDirectory()
        let first = try directory.socket("one.sock")
        let second = try directory.socket("two.sock")
        #expect(try ListeningSockets(fileDescriptors: []).singleUnixStreamListener(boundTo: nil) == nil)
        #expect(try ListeningSockets(fileDescriptors: [first]).singleUnixStreamListener(boundTo: nil) == first)

        let error = #expect(throws: SystemdError.self) {
            try ListeningSockets(fileDescriptors: [first, second]).singleUnixStreamListener(boundTo: nil)
        }
        #expect(error?.code == .unexpectedSocketCount)
        #expect(error?.reason?.contains("LISTEN_FDS=2") == true)
        #expect(error?.reason?.contains("a single ListenStream= line") == true)
    }
}
