import LocalAPIModels
import Testing

@testable import ucwa_bridge

@Suite struct ListCommandTests {
    @Test func allPagesFollowsTheCursorsToTheEnd() async throws {
        var asked: [String?] = []
        let list = try await ListCommand.allPages(from: nil) { cursor in
            asked.append(cursor)
            switch cursor {
            case nil: return MessageList(messages: [Fixtures.message(id: "a")], next: "c1")
            case "c1": return MessageList(messages: [Fixtures.message(id: "b")], next: "c2")
            default: return MessageList(messages: [Fixtures.message(id: "c")], next: nil)
            }
        }
        #expect(asked == [nil, "c1", "c2"])
        #expect(list.messages.map(\.id) == ["a", "b", "c"])
        #expect(list.next == nil)
    }

    @Test func aRepeatedCursorStopsTheLoop() async throws {
        var pages = 0
        await #expect {
            try await ListCommand.allPages(from: "start") { _ in
                pages += 1
                return MessageList(messages: [], next: "same")
            }
        } throws: { error in
            (error as? CLIError)?.exitStatus == .daemonError
        }
        #expect(pages == 2)
    }
}
