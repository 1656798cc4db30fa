import Foundation
import Glibc
import LocalAPIModels
import Testing

@testable import LocalAPI

/// The socket file: its mode and group, stale files, live sockets, and adopted descriptors.
struct ListeningSocketTests {
    /// A fresh short directory under /tmp (sun_path holds 107 bytes).
    private static func directory() -> String {
        "/tmp/uls-\(UUID().uuidString.prefix(8).lowercased())"
    }

    @Test func theServersSocketIsA0660SocketRemovedWhenItStops() async throws {
        var path = ""
        try await APIFixture.run { api in
            path = api.socketPath
            var info = stat()
            #expect(lstat(api.socketPath, &info) == 0)
            #expect(info.st_mode & S_IFMT == S_IFSOCK)
            #expect(info.st_mode & 0o7777 == 0o660)
            var parent = stat()
            #expect(stat((api.socketPath as NSString).deletingLastPathComponent, &parent) == 0)
            #expect(parent.st_mode & 0o7777 == 0o755)
        }
        #expect(access(path, F_OK) != 0)
    }

    @Test func givesTheSocketTheConfiguredGroup() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let opened = try ListeningSocket.path(directory + "/api.sock", group: "daemon").open()
        defer { close(opened.descriptor) }
        let daemon = try GroupLookup.groupID(named: "daemon")
        var info = stat()
        #expect(stat(directory + "/api.sock", &info) == 0)
        #expect(info.st_gid == daemon)
        #expect(opened.groupID == daemon)
    }

    @Test func refusesAnUnknownGroupBeforeCreatingAnything() throws {
        let directory = Self.directory()
        let error = #expect(throws: ListeningSocketError.self) {
            try ListeningSocket.path(directory + "/api.sock", group: "no-such-group-ucwa").open()
        }
        #expect(error?.code == .unknownGroup)
        #expect(error?.message.contains("no-such-group-ucwa") == true)
        #expect(access(directory, F_OK) != 0)
    }

    @Test func replacesAStaleSocketFile() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/api.sock"
        let first = try ListeningSocket.path(path).open()
        close(first.descriptor)
        #expect(access(path, F_OK) == 0)
        let second = try ListeningSocket.path(path).open()
        defer { close(second.descriptor) }
        let live = #expect(throws: ListeningSocketError.self) { try ListeningSocket.removeStale(at: path) }
        #expect(live?.code == .inUse, "the new socket listens on the path")
    }

    @Test func leavesASocketSomeoneListensOnAlone() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/api.sock"
        let live = try ListeningSocket.path(path).open()
        defer { close(live.descriptor) }
        let error = #expect(throws: ListeningSocketError.self) { try ListeningSocket.path(path).open() }
        #expect(error?.code == .inUse)
        #expect(FileIdentity.of(path: path)?.identity == live.ownedFile)
    }

    @Test func leavesAFileThatIsNotASocketAlone() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/api.sock"
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: ListeningSocketError.self) { try ListeningSocket.path(path).open() }
        #expect(error?.code == .notASocket)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }

    @Test func refusesAPathTooLongForASocketAddress() {
        let path = "/tmp/" + String(repeating: "x", count: 120)
        let error = #expect(throws: ListeningSocketError.self) { try ListeningSocket.path(path).open() }
        #expect(error?.code == .invalidPath)
    }

    @Test func servesOnAnAdoptedSocket() async throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/adopted.sock"
        let bound = try ListeningSocket.path(path).open()
        try await APIFixture.run({ $0.socket = .adopted(fd: bound.descriptor) }) { api in
            #expect(api.socketPath == path)
            let answer = try await api.send(.GET, "/v1/health")
            #expect(answer.status == 200)
        }
        #expect(access(path, F_OK) == 0, "the adopted socket's file belongs to whoever bound it")
    }

    @Test func refusesAnAdoptedDescriptorThatIsNotAListeningUnixStreamSocket() throws {
        var pipeEnds: [Int32] = [0, 0]
        #expect(pipe(&pipeEnds) == 0)
        defer { pipeEnds.forEach { close($0) } }
        let notSocket = #expect(throws: ListeningSocketError.self) {
            try ListeningSocket.adopted(fd: pipeEnds[0]).open()
        }
        #expect(notSocket?.code == .unsuitableDescriptor)

        let datagram = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(datagram) }
        let notStream = #expect(throws: ListeningSocketError.self) { try ListeningSocket.adopted(fd: datagram).open() }
        #expect(notStream?.code == .unsuitableDescriptor)

        let ipv4 = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(ipv4) }
        let notUnix = #expect(throws: ListeningSocketError.self) { try ListeningSocket.adopted(fd: ipv4).open() }
        #expect(notUnix?.code == .unsuitableDescriptor)

        let notListening = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(notListening) }
        let error = #expect(throws: ListeningSocketError.self) { try ListeningSocket.adopted(fd: notListening).open() }
        #expect(error?.code == .unsuitableDescriptor)

        let closed = #expect(throws: ListeningSocketError.self) { try ListeningSocket.adopted(fd: 9999).open() }
        #expect(closed?.code == .unsuitableDescriptor)
    }
}
