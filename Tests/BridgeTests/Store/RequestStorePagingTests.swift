import Foundation
import Testing

@testable import Bridge

/// Paging through a large queue visits every request once, in order, with bounded pages.
struct RequestStorePagingTests {
    static let count = 10_000
    static let pageSize = 250

    @Test func tenThousandRequestsArePagedThroughCompletelyAndInOrder() async throws {
        try await withTemporaryStore { store, _ in
            let start = StoreSamples.epoch
            // Every 10 requests share a creation instant, so that the id breaks ties across page boundaries.
            let records = (0..<Self.count).map { n in
                RequestRecord(
                    StoreSamples.request(
                        id: String(format: "req-%05d", n),
                        createdAt: start.addingTimeInterval(Double(n / 10))
                    )
                )
            }
            // One transaction for the bulk load: the test checks paging, not 10,000 synchronous commits.
            try await store.write("test") { db in
                for record in records {
                    try record.insert(db)
                }
            }

            var seen: [String] = []
            var cursor: RequestCursor?
            repeat {
                let page = try await store.list(after: cursor, limit: Self.pageSize)
                #expect(page.requests.count <= Self.pageSize)
                seen += page.requests.map(\.id.rawValue)
                cursor = page.next
            } while cursor != nil
            #expect(seen.count == Self.count)
            #expect(seen == records.map(\.id))
            #expect(try await store.countByState()[.accepted] == Self.count)

            let oversized = try await store.list(limit: Self.count)
            #expect(oversized.requests.count == RequestStore.maximumPageSize)
        }
    }
}
