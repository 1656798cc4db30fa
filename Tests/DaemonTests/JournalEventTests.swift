import Bridge
import Foundation
import Systemd
import Testing

@testable import Daemon

@Suite struct JournalEventTests {
    /// The ids of `deploy/ucwa-bridge.catalog`, the lines `-- <id>`.
    private func catalogIDs() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let catalog = try String(contentsOf: root.appendingPathComponent("deploy/ucwa-bridge.catalog"), encoding: .utf8)
        return Set(
            catalog.split(separator: "\n").filter { $0.hasPrefix("-- ") }.map { String($0.dropFirst(3)) }
        )
    }

    @Test("the MESSAGE_IDs are the ones of the catalog, one per event")
    func idsMatchTheCatalog() throws {
        let ids = JournalEvent.allCases.map(\.messageID.rawValue)
        #expect(Set(ids).count == JournalEvent.allCases.count)
        #expect(Set(ids) == (try catalogIDs()))
        #expect(JournalEvent.requestAccepted.messageID.rawValue == "9015060f66514d03a17988926798880c")
        #expect(JournalEvent.requestDelivered.messageID.rawValue == "8ca3ec01606c4980b51a04688fd0d98f")
        #expect(JournalEvent.foreignOwnerDetected.messageID.rawValue == "28f76928c09347c99d06c4e12bff4524")
    }

    @Test("the table the handler gets maps every event name to its id")
    func table() {
        #expect(JournalEvent.messageIDs.count == JournalEvent.allCases.count)
        for event in JournalEvent.allCases {
            #expect(JournalEvent.messageIDs[event.rawValue] == event.messageID)
        }
    }

    @Test("the request states' log events are events of the table")
    func requestStatesUseKnownNames() {
        let named = RequestState.allCases.compactMap { $0.logEvent[JournalEvent.metadataKey]?.description }
        #expect(named.count == 6)
        for name in named {
            #expect(JournalEvent(rawValue: name) != nil, "\(name)")
        }
        #expect(RequestState.dispatching.logEvent.isEmpty)
    }
}
