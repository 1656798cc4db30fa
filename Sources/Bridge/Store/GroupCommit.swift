import GRDB
import Synchronization

/// Commits the writes that arrive while the writer is busy together: one transaction and at most one sync for the
/// whole batch, each write in a savepoint of its own.
///
/// SQLite has one writer, and a synced commit waits for the disk (a quarter of a millisecond on a quiet SSD, several
/// milliseconds on a busy one). One commit per write would cap the bridge at one sync per write whatever the number
/// of requests in flight; batching lets the writes of many requests share one. A write that throws rolls back its
/// own savepoint only; the others of its batch commit. Each caller resumes once the batch's commit returned, with
/// its own result, so what a caller is told is on disk as its ``CommitDurability`` says: a batch is synced when any
/// of its writes asks for it.
///
/// Between two batches it also runs the checkpoints asked of the writer (``checkpoint()``), as no other connection
/// can: only there does no commit land while the checkpoint copies, so only there can it copy the log to its end.
final class GroupCommit: Sendable {
    /// One write waiting for a batch. Its caller is resumed exactly once: by the completion `run` returns, called
    /// after the batch committed, or by `fail` when the batch did not.
    private struct PendingWrite: Sendable {
        let durability: CommitDurability
        let run: @Sendable (Database) throws -> @Sendable () -> Void
        let fail: @Sendable (any Error) -> Void
    }

    private struct Queue {
        var pending: [PendingWrite] = []
        /// Callers of ``checkpoint()`` waiting for the writer's next turn.
        var checkpointWaiters: [@Sendable (Result<WALCheckpoint, any Error>) -> Void] = []
        var isFlushing = false
        var batches = 0
        var submitted = 0
    }

    private let pool: DatabasePool
    private let onCommit: @Sendable () -> Void
    private let queue = Mutex(Queue())
    /// Set by ``close()``: a batch that starts afterwards fails with ``StoreClosed`` instead of meeting a closed
    /// connection.
    private let isClosed = Atomic(false)
    /// The `synchronous` level of the writer connection as last set, `nil` when a change failed midway. Read and
    /// written only on the writer, between transactions. The store opens it at FULL.
    private let connectionLevel = Mutex<CommitDurability?>(.synced)

    /// Batches writes on `pool`'s writer; `onCommit` is called after each batch that committed.
    init(pool: DatabasePool, onCommit: @escaping @Sendable () -> Void = {}) {
        self.pool = pool
        self.onCommit = onCommit
    }

    /// Makes every batch that starts from now on fail with ``StoreClosed``. Called on the writer's queue just before
    /// the pool closes: on a closed connection SQLite answers a misuse whose message ("out of memory") would mislead.
    func close() {
        isClosed.store(true, ordering: .sequentiallyConsistent)
    }

    /// How many writes wait for the next batch.
    var waitingWrites: Int { queue.withLock { $0.pending.count } }

    /// How many ``checkpoint()`` calls wait for the writer's next turn.
    var waitingCheckpoints: Int { queue.withLock { $0.checkpointWaiters.count } }

    /// How many batches were committed or failed so far.
    var batches: Int { queue.withLock { $0.batches } }

    /// How many writes were handed over so far.
    var submitted: Int { queue.withLock { $0.submitted } }

    /// Runs `body` in the next batch and returns its result once that batch is committed.
    func write<T: Sendable>(
        durability: CommitDurability,
        _ body: @escaping @Sendable (Database) throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let pending = PendingWrite(
                durability: durability,
                run: { db in
                    let result = try Self.inSavepoint(db, body)
                    return { continuation.resume(with: result) }
                },
                fail: { continuation.resume(throwing: $0) }
            )
            let startsFlushing = queue.withLock { queue in
                queue.pending.append(pending)
                queue.submitted += 1
                return Self.startsFlushing(&queue)
            }
            if startsFlushing {
                startFlushing()
            }
        }
    }

    /// Runs a `PASSIVE` checkpoint on the writer connection before its next batch and returns what it found and did.
    ///
    /// A checkpoint on another connection races the commits: the frames committed while it copies are left in the
    /// log, so under a steady load the log never starts over and grows until the writer's own threshold. Run here,
    /// between batches, it copies the log to its end (unless a reader holds an older snapshot), and the next batch
    /// starts the log over. The store's checkpointer copies most of the log beside the writer first, so that this
    /// pass has only the last frames to copy.
    func checkpoint() async -> Result<WALCheckpoint, any Error> {
        await withCheckedContinuation { continuation in
            let startsFlushing = queue.withLock { queue in
                queue.checkpointWaiters.append { continuation.resume(returning: $0) }
                return Self.startsFlushing(&queue)
            }
            if startsFlushing {
                startFlushing()
            }
        }
    }

    /// Marks the writer busy; true when it was idle, so that the caller must start it.
    private static func startsFlushing(_ queue: inout Queue) -> Bool {
        guard !queue.isFlushing else { return false }
        queue.isFlushing = true
        return true
    }

    private func startFlushing() {
        // Straight onto the writer's queue: a task would cost two more thread hops per batch (to start it, and to
        // resume it after GRDB's asynchronous write).
        pool.asyncWriteWithoutTransaction { db in self.flush(db) }
    }

    /// Runs `body` in a savepoint of the batch's transaction: its changes are released into the transaction when it
    /// returns, rolled back when it throws. Throws, failing the whole batch, only when such a rollback fails: the
    /// write's partial changes would otherwise be committed with the others.
    ///
    /// The savepoint statements are the connection's cached ones: GRDB's `inSavepoint` parses and prepares them
    /// again for every write. The batch's `inTransaction` still guards against a transaction that SQLite aborted.
    private static func inSavepoint<T>(_ db: Database, _ body: (Database) throws -> T) throws -> Result<T, any Error> {
        do {
            try db.cachedStatement(sql: "SAVEPOINT groupCommitWrite").execute()
        } catch {
            return .failure(error)
        }
        do {
            let value = try body(db)
            try db.cachedStatement(sql: "RELEASE SAVEPOINT groupCommitWrite").execute()
            return .success(value)
        } catch {
            // Undoes this write only; the first error is the one its caller hears.
            try db.cachedStatement(sql: "ROLLBACK TRANSACTION TO SAVEPOINT groupCommitWrite").execute()
            try db.cachedStatement(sql: "RELEASE SAVEPOINT groupCommitWrite").execute()
            return .failure(error)
        }
    }

    /// Commits batches on the writer connection until no write and no checkpoint waits.
    private func flush(_ db: Database) {
        // Ends when a turn finds nothing waiting; each turn takes all that wait.
        while true {
            let (batch, checkpointWaiters) = queue.withLock { queue in
                let batch = queue.pending
                let checkpointWaiters = queue.checkpointWaiters
                queue.pending.removeAll(keepingCapacity: true)
                queue.checkpointWaiters.removeAll()
                if batch.isEmpty && checkpointWaiters.isEmpty {
                    queue.isFlushing = false
                } else if !batch.isEmpty {
                    queue.batches += 1
                }
                return (batch, checkpointWaiters)
            }
            guard !batch.isEmpty || !checkpointWaiters.isEmpty else { return }
            // Before the batch, so that the batch is the commit that starts the log over.
            if !checkpointWaiters.isEmpty {
                let outcome = checkpoint(on: db)
                for waiter in checkpointWaiters {
                    waiter(outcome)
                }
            }
            if !batch.isEmpty {
                commit(batch, on: db)
            }
        }
    }

    private func checkpoint(on db: Database) -> Result<WALCheckpoint, any Error> {
        guard !isClosed.load(ordering: .sequentiallyConsistent) else {
            return .failure(StoreClosed())
        }
        return Result {
            let (pages, copied) = try db.checkpoint(.passive)
            return WALCheckpoint(logPages: pages, copiedPages: copied, pass: .writer)
        }
    }

    private func commit(_ batch: [PendingWrite], on db: Database) {
        guard !isClosed.load(ordering: .sequentiallyConsistent) else {
            for pending in batch {
                pending.fail(StoreClosed())
            }
            return
        }
        let level: CommitDurability = batch.contains { $0.durability == .synced } ? .synced : .deferred
        var completions: [@Sendable () -> Void] = []
        do {
            // Set before the transaction (SQLite refuses to change it inside one), never after the commit: a failure
            // there would report a committed batch as failed.
            try setSynchronous(level, on: db)
            try db.inTransaction {
                completions = try batch.map { try $0.run(db) }
                return .commit
            }
        } catch {
            // Nothing of the batch is on disk: every caller hears why, including those whose own write had run.
            for pending in batch {
                pending.fail(error)
            }
            return
        }
        onCommit()
        for complete in completions {
            complete()
        }
    }

    /// Puts the writer connection at `level` (`synchronous = FULL` or `NORMAL`) unless it is known to be there.
    private func setSynchronous(_ level: CommitDurability, on db: Database) throws {
        guard connectionLevel.withLock({ $0 }) != level else { return }
        connectionLevel.withLock { $0 = nil }
        switch level {
        case .synced: try db.execute(sql: "PRAGMA synchronous = FULL")
        case .deferred: try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        connectionLevel.withLock { $0 = level }
    }
}
