import Foundation
import LocalAPIModels
import Testing

/// `GET /v1/messages`: pages, cursors and the state filter.
struct ListTests {
    @Test func pagesThroughEveryRequestOldestFirst() async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            var created: [String] = []
            for index in 0..<5 {
                created.append(try await api.submitAccepted("message \(index)").id)
            }
            var seen: [String] = []
            var pages = 0
            var uri = "/v1/messages?limit=2"
            while pages < 10 {
                let page = try await api.send(.GET, uri).decode(MessageList.self)
                pages += 1
                seen += page.messages.map(\.id)
                guard let next = page.next else { break }
                #expect(page.messages.count == 2)
                uri = "/v1/messages?limit=2&after=\(next)"
            }
            #expect(pages == 3)
            #expect(seen == created)

            let last = try await api.send(.GET, uri)
            #expect(last.text.contains(#""next":null"#))
        }
    }

    @Test func filtersByState() async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            let kept = try await api.submitAccepted("kept")
            let cancelled = try await api.submitAccepted("cancelled")
            try await api.send(.DELETE, "/v1/messages/\(cancelled.id)").expectStatus(200)

            let onlyCancelled = try await api.send(.GET, "/v1/messages?state=cancelled").decode(MessageList.self)
            #expect(onlyCancelled.messages.map(\.id) == [cancelled.id])
            let onlyAccepted = try await api.send(.GET, "/v1/messages?state=accepted").decode(MessageList.self)
            #expect(onlyAccepted.messages.map(\.id) == [kept.id])
            let none = try await api.send(.GET, "/v1/messages?state=delivered").decode(MessageList.self)
            #expect(none.messages.isEmpty && none.next == nil)
        }
    }

    @Test func refusesParametersItCannotRead() async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            for query in [
                "limit=0", "limit=1001", "limit=ten", "state=lost", "after=garbage", "stat=failed",
                "limit=1&limit=2",
            ] {
                try await api.send(.GET, "/v1/messages?\(query)").expectError(400, "invalidParameter")
            }
            let page = try await api.send(.GET, "/v1/messages?limit=1000").decode(MessageList.self)
            #expect(page.messages.isEmpty)
        }
    }
}
