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

    /// Runs the checkpointer on `clock`, commits until it is waiting to checkpoint (it may start after the first
    /// commit: the loop is bounded), lets its delay pass and answers the first checkpoint it reports.
    private func firstCheckpoint(of store: RequestStore, on clock: ManualClock) async throws -> WALCheckpoint {
        let (outcomes, delivery) = AsyncStream.makeStream(of: Result<WALCheckpoint, any Error>.self)
        let checkpoints = Task { await store.runCheckpoints(clock: clock) { delivery.yield($0) } }
        defer { checkpoints.cancel() }
        for index in 0..<100 where clock.sleeperCount == 0 {
            _ = try await store.insert(StoreSamples.request(message: "message \(index)"))
            await Task.yield()
        }
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .milliseconds(100))
        var iterator = outcomes.makeAsyncIterator()
        let checkpoint = try #require(await iterator.next()).get()
        checkpoints.cancel()
        await checkpoints.value
        return checkpoint
    }

    /// Runs the checkpointer on `clock`, commits, and returns the run once it waits to checkpoint. A commit that
    /// lands before the run has started listening is not seen, hence more commits until one is (at most 100).
    private func waitingRun(of store: RequestStore, on clock: ManualClock) async throws -> Task<Void, Never> {
        let run = Task { await store.runCheckpoints(clock: clock) }
        for index in 0..<100 where clock.sleeperCount == 0 {
            _ = try await store.insert(StoreSamples.request(message: "message \(index)"))
            await Task.yield()
        }
        await clock.sleepers(atLeast: 1)
        return run
    }

    @Test func theCheckpointerCopiesTheLogAfterCommits() async throws {
        try await withTemporaryStore { store, _ in
            let checkpoint = try await firstCheckpoint(of: store, on: ManualClock())
            #expect(checkpoint.logPages > 0)
            #expect(checkpoint.copiedPages == checkpoint.logPages)
        }
    }

    @Test func aRunAfterACancelledOneCheckpointsAgain() async throws {
        try await withTemporaryStore { store, _ in
            let clock = ManualClock()
            let first = try await waitingRun(of: store, on: clock)
            first.cancel()
            await first.value
            let checkpoint = try await firstCheckpoint(of: store, on: clock)
            #expect(checkpoint.copiedPages == checkpoint.logPages)
        }
    }

    @Test func theLogFileShrinksBackAfterABurst() async throws {
        try await withTemporaryStore { store, directory in
            let log = directory.url.appendingPathComponent(RequestStore.fileName + "-wal").path
            func logBytes() throws -> Int {
                try #require(FileManager.default.attributesOfItem(atPath: log)[.size] as? Int)
            }
            // About 32 KiB of log per insert; the loop stops once the file is past the size kept.
            for index in 0..<1_000 where try logBytes() <= 2 * RequestStore.retainedLogBytes {
                _ = try await store.insert(StoreSamples.request(message: "burst \(index)"))
            }
            #expect(try logBytes() > 2 * RequestStore.retainedLogBytes)
            let checkpoint = try await firstCheckpoint(of: store, on: ManualClock())
            #expect(checkpoint.copiedPages == checkpoint.logPages)
            // The next commit starts the log over and cuts the file back.
            _ = try await store.insert(StoreSamples.request(message: "after the burst"))
            #expect(try logBytes() <= RequestStore.retainedLogBytes)
        }
    }

    @Test func aSecondRunReturnsAtOnce() async throws {
        try await withTemporaryStore { store, _ in
            let clock = ManualClock()
            let first = try await waitingRun(of: store, on: clock)
            await store.runCheckpoints(clock: clock)
            #expect(clock.sleeperCount == 1)
            first.cancel()
            await first.value
        }
    }
}
