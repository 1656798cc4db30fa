import Dispatch
import Foundation
import GRDB
import Synchronization
import Testing

@testable import Bridge

/// Writes that arrive while the writer is busy share one transaction, each still succeeding or failing alone.
@Suite(.timeLimit(.minutes(1))) struct GroupCommitTests {
    @Test func writesWaitingForTheWriterShareOneBatch() async throws {
        try await withTemporaryStore { store, _ in
            let requests = (0..<20).map { StoreSamples.request(message: "batched \($0)") }
            let writer = try await WriterHold(on: store)
            defer { writer.release() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for request in requests {
                    group.addTask { _ = try await store.insert(request) }
                }
                try await until { store.groupCommit.submitted == requests.count }
                writer.release()
                try await group.waitForAll()
            }
            // A batch is taken only once the writer is free: with the writer held, every write waits for the same one.
            #expect(store.groupCommit.batches == 1)
            for request in requests {
                #expect(try await store.request(request.id) == request)
            }
        }
    }

    @Test func aFailingWriteRollsBackAloneAndItsBatchCommits() async throws {
        try await withTemporaryStore { store, _ in
            let time = StoreSamples.epoch.addingTimeInterval(1)
            let finished = try StoreSamples.moved(
                StoreSamples.dispatched(StoreSamples.request(), at: time),
                to: .delivered,
                at: time
            )
            _ = try await store.insert(StoreSamples.request(id: finished.id.rawValue))
            let dispatched = try StoreSamples.dispatched(StoreSamples.request(id: finished.id.rawValue), at: time)
            try await store.record(dispatched)
            try await store.record(finished)
            // A terminal row never changes: recording it as dispatching again must fail, alone.
            let backwards = try StoreSamples.dispatched(StoreSamples.request(id: finished.id.rawValue), at: time)
            let others = (0..<5).map { StoreSamples.request(message: "beside a failure \($0)") }

            let writer = try await WriterHold(on: store)
            defer { writer.release() }
            let before = store.groupCommit.submitted
            let refused = Task { try await store.record(backwards) }
            let accepted = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for request in others {
                        group.addTask { _ = try await store.insert(request) }
                    }
                    try await group.waitForAll()
                }
            }
            try await until { store.groupCommit.submitted == before + 1 + others.count }
            writer.release()
            await #expect(throws: StoreError.self) { try await refused.value }
            try await accepted.value
            for request in others {
                #expect(try await store.request(request.id) == request)
            }
            #expect(try await store.request(finished.id)?.state == .delivered)
        }
    }

    @Test func aWriteWhoseRollbackFailsFailsItsWholeBatch() async throws {
        try await withTemporaryStore { store, _ in
            let others = (0..<3).map { StoreSamples.request(message: "beside a broken write \($0)") }
            let broken = StoreSamples.request(message: "half written")
            struct Refused: Error {}

            let writer = try await WriterHold(on: store)
            defer { writer.release() }
            let before = store.groupCommit.submitted
            let accepted = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for request in others {
                        group.addTask { _ = try await store.insert(request) }
                    }
                    try await group.waitForAll()
                }
            }
            try await until { store.groupCommit.submitted == before + others.count }
            // Inserts its row, then ends the savepoint the batch gave it and throws: the rollback to that savepoint
            // cannot run, and committing the batch would keep the half of a write that failed.
            let breaking = Task {
                try await store.groupCommit.write(durability: .synced) { db in
                    try RequestRecord(broken).insertPrepared(in: db)
                    try db.execute(sql: "RELEASE SAVEPOINT groupCommitWrite")
                    throw Refused()
                }
            }
            try await until { store.groupCommit.submitted == before + others.count + 1 }
            writer.release()

            await #expect(throws: (any Error).self) { try await breaking.value }
            await #expect(throws: (any Error).self) { try await accepted.value }
            #expect(try await store.request(broken.id) == nil)
            for request in others {
                #expect(try await store.request(request.id) == nil)
            }
            // The writer is usable again: the next write commits.
            _ = try await store.insert(others[0])
            #expect(try await store.request(others[0].id) == others[0])
        }
    }

    @Test func aClosingStoreCommitsWhatWasHandedOverAndRefusesWhatComesAfter() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RequestStore(directory: directory.url)
        let handedOver = StoreSamples.request(message: "handed over before the close")
        let writer = try await WriterHold(on: store)
        defer { writer.release() }
        let before = store.groupCommit.submitted
        let write = Task { try await store.insert(handedOver) }
        try await until { store.groupCommit.submitted == before + 1 }
        // Blocks until the writer is free, on a thread of its own rather than one the tasks here need.
        let closing = Thread { try? store.close() }
        closing.start()
        try await until { store.isClosed }
        writer.release()
        #expect(try await write.value == .created(handedOver))

        let closed = StoreError(code: .databaseFailure, reason: "the store is closed", source: "insert")
        await #expect(throws: closed) { try await store.insert(StoreSamples.request()) }
        await #expect(throws: StoreError(code: .databaseFailure, reason: "the store is closed", source: "request")) {
            try await store.request(handedOver.id)
        }
        let reopened = try RequestStore(directory: directory.url)
        defer { try? reopened.close() }
        #expect(try await reopened.request(handedOver.id) == handedOver)
    }

    @Test func aBatchAfterTheGroupCommitClosedFailsSayingSo() async throws {
        try await withTemporaryStore { store, _ in
            store.groupCommit.close()
            await #expect(throws: StoreError(code: .databaseFailure, reason: "the store is closed", source: "insert")) {
                try await store.insert(StoreSamples.request())
            }
        }
    }

    @Test func eachBatchCommitsAtTheLevelItsWritesAskFor() async throws {
        try await withTemporaryStore { store, _ in
            var levels: [Int?] = []
            for durability in [CommitDurability.synced, .deferred, .synced] {
                levels.append(
                    try await store.groupCommit.write(durability: durability) { db in
                        try Int.fetchOne(db, sql: "PRAGMA synchronous")
                    }
                )
            }
            #expect(levels == [2, 1, 2])  // FULL, NORMAL, FULL
        }
    }
}

extension GroupCommitTests {
    /// A checkpoint asked while a batch waits for the writer runs before that batch: it copies the log to its end,
    /// and the waiting batch is the commit that starts the log over.
    @Test func aCheckpointRunsBeforeTheBatchThatWaitsWithIt() async throws {
        try await withTemporaryStore { store, directory in
            for index in 0..<20 {
                _ = try await store.insert(StoreSamples.request(message: "before the checkpoint \(index)"))
            }
            let writer = try await WriterHold(on: store)
            defer { writer.release() }
            let waiting = Task { try await store.insert(StoreSamples.request(message: "waiting with the checkpoint")) }
            let checkpoint = Task { await store.groupCommit.checkpoint() }
            try await until { store.groupCommit.submitted == 21 && store.groupCommit.waitingCheckpoints == 1 }
            writer.release()
            let copied = try await checkpoint.value.get()
            _ = try await waiting.value
            #expect(copied.pass == .writer)
            #expect(copied.logPages > 0)
            #expect(copied.copiedPages == copied.logPages)
            // Only the waiting insert's pages are in the log now.
            let connection = try DatabaseQueue(path: directory.url.appendingPathComponent(RequestStore.fileName).path)
            defer { try? connection.close() }
            let frames = try await connection.writeWithoutTransaction { try $0.checkpoint(.passive).walFrameCount }
            #expect(frames < copied.logPages / 4)
        }
    }
}

/// Keeps the store's one writer busy until released, so that writes pile up behind it.
private final class WriterHold: Sendable {
    private let gate = DispatchSemaphore(value: 0)
    private let released = Atomic(false)
    private let holder: Task<Void, any Error>

    init(on store: RequestStore) async throws {
        let (held, heldInput) = AsyncStream<Void>.makeStream()
        let gate = gate
        holder = Task {
            try await store.pool.writeWithoutTransaction { _ in
                heldInput.yield()
                // Blocks the writer's own queue, not a task of the cooperative pool.
                gate.wait()
            }
        }
        var iterator = held.makeAsyncIterator()
        _ = await iterator.next()
    }

    /// Lets the writer go; later calls do nothing.
    func release() {
        guard !released.exchange(true, ordering: .relaxed) else { return }
        gate.signal()
    }
}
