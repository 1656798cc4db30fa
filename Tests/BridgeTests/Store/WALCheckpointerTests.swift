import Bridge
import Foundation
import GRDB
import Testing
import TestSupport

@Suite(.timeLimit(.minutes(1))) struct WALCheckpointerTests {
    /// The pages in the write-ahead log, read by a checkpoint on a connection of the test's own.
    private func logPages(in directory: TemporaryDirectory) throws -> Int {
        let connection = try DatabaseQueue(path: directory.url.appendingPathComponent(RequestStore.fileName).path)
        defer { try? connection.close() }
        return try connection.writeWithoutTransaction { try $0.checkpoint(.passive).walFrameCount }
    }

    @Test func commitsLeaveCheckpointsToTheCheckpointer() async throws {
        try await withTemporaryStore { store, directory in
            // About eight pages per insert: SQLite's default would have checkpointed and restarted the log at 1,000.
            for index in 0..<200 {
                _ = try await store.insert(StoreSamples.request(message: "message \(index)"))
            }
            #expect(try logPages(in: directory) > 1_000)
        }
    }

    @Test func theCheckpointerCopiesTheLogAfterCommits() async throws {
        try await withTemporaryStore { store, _ in
            let clock = ManualClock()
            let (outcomes, delivery) = AsyncStream.makeStream(of: Result<WALCheckpoint, any Error>.self)
            let checkpoints = Task { await store.runCheckpoints(clock: clock) { delivery.yield($0) } }
            _ = try await store.insert(StoreSamples.request())
            await clock.sleepers(atLeast: 1)
            clock.advance(by: .milliseconds(100))
            var iterator = outcomes.makeAsyncIterator()
            let checkpoint = try #require(await iterator.next()).get()
            #expect(checkpoint.logPages > 0)
            #expect(checkpoint.copiedPages == checkpoint.logPages)
            checkpoints.cancel()
            await checkpoints.value
        }
    }

    @Test func aRunAfterACancelledOneCheckpointsAgain() async throws {
        try await withTemporaryStore { store, _ in
            let clock = ManualClock()
            let first = Task { await store.runCheckpoints(clock: clock) }
            _ = try await store.insert(StoreSamples.request())
            await clock.sleepers(atLeast: 1)
            first.cancel()
            await first.value
            let (outcomes, delivery) = AsyncStream.makeStream(of: Result<WALCheckpoint, any Error>.self)
            let second = Task { await store.runCheckpoints(clock: clock) { delivery.yield($0) } }
            // Commits until the second run has picked one up (it may start after the first insert).
            for index in 0..<100 where clock.sleeperCount == 0 {
                _ = try await store.insert(StoreSamples.request(message: "again \(index)"))
                await Task.yield()
            }
            await clock.sleepers(atLeast: 1)
            clock.advance(by: .milliseconds(100))
            var iterator = outcomes.makeAsyncIterator()
            let checkpoint = try #require(await iterator.next()).get()
            #expect(checkpoint.copiedPages == checkpoint.logPages)
            second.cancel()
            await second.value
        }
    }

    @Test func aSecondRunReturnsAtOnce() async throws {
        try await withTemporaryStore { store, _ in
            let clock = ManualClock()
            let first = Task { await store.runCheckpoints(clock: clock) }
            _ = try await store.insert(StoreSamples.request())
            await clock.sleepers(atLeast: 1)
            await store.runCheckpoints(clock: clock)
            #expect(clock.sleeperCount == 1)
            first.cancel()
            await first.value
        }
    }
}
