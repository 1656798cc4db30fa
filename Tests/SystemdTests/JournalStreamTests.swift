import Foundation
import Testing

@testable import Systemd

@Suite struct JournalStreamTests {
    @Test("JOURNAL_STREAM is two decimal numbers separated by a colon")
    func parses() {
        #expect(JournalStream(environmentValue: "9:1768783") == JournalStream(device: 9, inode: 1_768_783))
        #expect(JournalStream(environmentValue: "9:1768783")?.description == "9:1768783")
        #expect(JournalStream(environmentValue: "") == nil)
        #expect(JournalStream(environmentValue: "9") == nil)
        #expect(JournalStream(environmentValue: "9:") == nil)
        #expect(JournalStream(environmentValue: ":9") == nil)
        #expect(JournalStream(environmentValue: "9:1:2") == nil)
        #expect(JournalStream(environmentValue: "x:1") == nil)
        #expect(JournalStream(environmentValue: "-1:1") == nil)
    }

    @Test("a descriptor is the journal stream only when its device and inode are the ones named")
    func matchesTheDescriptor() throws {
        var sockets: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &sockets) == 0)
        defer {
            close(sockets[0])
            close(sockets[1])
        }
        let stream = try #require(JournalStream(descriptor: sockets[0]))
        #expect(JournalStream.isConnected(sockets[0], environmentValue: stream.description))
        // The other end of the pair is another inode; a stale or foreign value does not match either.
        #expect(!JournalStream.isConnected(sockets[1], environmentValue: stream.description))
        let other = JournalStream(device: stream.device, inode: stream.inode + 1)
        #expect(!JournalStream.isConnected(sockets[0], environmentValue: other.description))
        #expect(!JournalStream.isConnected(sockets[0], environmentValue: nil))
        #expect(!JournalStream.isConnected(sockets[0], environmentValue: "garbage"))
    }

    @Test("a descriptor that is not open matches nothing")
    func closedDescriptor() {
        #expect(JournalStream(descriptor: -1) == nil)
        #expect(!JournalStream.isConnected(-1, environmentValue: "9:1"))
    }
}
