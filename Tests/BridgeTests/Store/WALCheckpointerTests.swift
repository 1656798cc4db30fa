import Foundation
import GRDB
import Testing
import TestSupport

@testable import Bridge

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
    /// commit: the loop is bounded), lets its delay pass and answers the first `count` checkpoints it reports.
    private func checkpoints(
        of store: RequestStore,
        on clock: ManualClock,
        count: Int
    ) async throws -> [WALCheckpoint] {
        let (outcomes, delivery) = AsyncStream.makeStream(of: Result<WALCheckpoint, any Error>.self)
        let checkpoints = Task { await store.runCheckpoints(clock: clock) { delivery.yield($0) } }
        defer { checkpoints.cancel() }
        for index in 0..<100 where clock.sleeperCount == 0 {
            _ = try await store.insert(StoreSamples.request(message: "message \(index)"))
            await Task.yield()
        }
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .milliseconds(100))
        var reported: [WALCheckpoint] = []
        for await outcome in outcomes.prefix(count) {
            reported.append(try outcome.get())
        }
        checkpoints.cancel()
        await checkpoints.value
        return reported
    }

    private func firstCheckpoint(of store: RequestStore, on clock: ManualClock) async throws -> WALCheckpoint {
        try #require(try await checkpoints(of: store, on: clock, count: 1).first)
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
            #expect(checkpoint.pass == .beside)
        }
    }

    @Test func aLargeLogIsFinishedOnTheWriter() async throws {
        try await withTemporaryStore { store, directory in
            // Past the threshold at which the writer finishes a checkpoint; the log has not started over yet, so its
            // file's size counts its frames (a 32-byte header, then a 24-byte header and a page each).
            let log = directory.url.appendingPathComponent(RequestStore.fileName + "-wal").path
            func frames() throws -> Int {
                (try #require(FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) - 32) / (24 + 4_096)
            }
            for index in 0..<2_000 where try frames() < WALCheckpointer.finishingThreshold {
                _ = try await store.insert(StoreSamples.request(message: "before the checkpoints \(index)"))
            }
            #expect(try frames() >= WALCheckpointer.finishingThreshold)
            let reported = try await checkpoints(of: store, on: ManualClock(), count: 2)
            #expect(reported.map(\.pass) == [.beside, .writer])
            #expect(reported.allSatisfy { $0.copiedPages == $0.logPages })
        }
    }

    /// A checkpoint beside the writer leaves what is committed while it copies; one on the writer, between batches,
    /// copies the log to its end, so that the next commit starts it over. The commits during the first are stood in
    /// for by a reader whose older snapshot keeps the last commits from being copied.
    @Test func aCheckpointOnTheWriterLetsTheLogStartOver() async throws {
        try await withTemporaryStore { store, directory in
            let path = directory.url.appendingPathComponent(RequestStore.fileName).path
            for index in 0..<20 {
                _ = try await store.insert(StoreSamples.request(message: "before the snapshot \(index)"))
            }
            let readers = try DatabasePool(path: path)
            defer { try? readers.close() }
            // Holds a read transaction on the log as it is now until closed.
            let snapshot = try readers.makeSnapshot()
            for index in 0..<20 {
                _ = try await store.insert(StoreSamples.request(message: "after the snapshot \(index)"))
            }
            let beside = try DatabaseQueue(path: path)
            defer { try? beside.close() }
            let (besideLog, besideCopied) = try await beside.writeWithoutTransaction { try $0.checkpoint(.passive) }
            #expect(besideCopied < besideLog)
            try snapshot.close()

            let onWriter = try await store.groupCommit.checkpoint().get()
            #expect(onWriter == WALCheckpoint(logPages: besideLog, copiedPages: besideLog, pass: .writer))
            _ = try await store.insert(StoreSamples.request(message: "the log starts over"))
            #expect(try logPages(in: directory) < besideLog / 4)
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
            for index in 0..<3_000 where try logBytes() <= 2 * RequestStore.retainedLogBytes {
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
