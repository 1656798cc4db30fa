import Foundation
import GRDB
import Synchronization

/// The durable request queue: one SQLite file in the state directory, opened as a GRDB `DatabasePool` in WAL mode.
///
/// Every write is one transaction and returns only once it is on disk, as ``CommitDurability`` says: synced for what
/// the bridge promises or acts on, deferred to the next synced commit for steps a restart recovers from. Every query is
/// bounded (a page, a count, a single value), so the memory the store uses does not grow with the queue. All methods
/// may be called from any task; writes are serialized by the pool, reads run beside them on WAL snapshots.
///
/// ```swift
/// let store = try RequestStore(directory: URL(filePath: "/var/lib/ucwa-bridge"))
/// let stored = try await store.insert(request).request  // the first request when the idempotency key was seen
/// let dispatcher = Dispatcher(connection: client, origin: origin, journal: store, clock: ContinuousClock())
/// ```
public final class RequestStore: Sendable {
    /// The file name of the queue inside the state directory.
    public static let fileName = "queue.sqlite"
    /// The size in bytes the write-ahead log file (``fileName`` + `-wal`) is cut back to when it starts over after
    /// a complete checkpoint, however large a burst made it.
    public static let retainedLogBytes = WALCheckpointer.retainedLogBytes
    /// The most requests one page or batch holds; larger limits are lowered to it.
    public static let maximumPageSize = 1000

    /// The path of the database file.
    public let path: String
    let pool: DatabasePool
    let groupCommit: GroupCommit
    let checkpointer: WALCheckpointer
    private let closed = Atomic(false)

    /// Opens (creating it if needed) ``fileName`` in `directory`, which must exist.
    ///
    /// - Throws: ``StoreError`` `cannotOpen` or `incompatibleSchema`.
    public convenience init(directory: URL) throws(StoreError) {
        try self.init(path: directory.appendingPathComponent(Self.fileName).path)
    }

    /// Opens (creating it if needed) the database at `path` and brings its schema up to date.
    ///
    /// The connection runs with `journal_mode = WAL`, foreign keys on and `synchronous = FULL`. FULL and not NORMAL:
    /// in WAL mode NORMAL does not sync the log at each commit, so a power loss can undo the last commits, and the
    /// bridge answers `202` to a client (and lets a POST go out) only *after* its commit; a commit that can still
    /// vanish would turn that answer into a lie and could lose a request or the record of an attempt. The cost is one
    /// fsync per transaction, which the queue's rate allows.
    ///
    /// - Throws: ``StoreError`` `cannotOpen` when the file cannot be opened or configured, `incompatibleSchema` when
    ///   it was written by a newer version or a migration fails.
    public init(path: String) throws(StoreError) {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.journalMode = .wal
        configuration.label = "RequestStore"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB sets `synchronous = NORMAL` while it turns WAL on, after `prepareDatabase`; set FULL on the one
            // writer connection afterwards (readers never commit, so their setting does not matter).
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                // A batch's savepoints keep the pages they change in a statement journal; past 64 KiB SQLite spills
                // it to a file in /var/tmp, written and read again at every batch that large.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(WALCheckpointer.fallbackThreshold)")
                try db.execute(sql: "PRAGMA journal_size_limit = \(WALCheckpointer.retainedLogBytes)")
            }
        } catch {
            throw StoreError(
                code: .cannotOpen,
                reason: StoreError(wrapping: error, source: "open").reason,
                source: "open"
            )
        }
        let checkpointer = WALCheckpointer(path: path)
        self.checkpointer = checkpointer
        groupCommit = GroupCommit(pool: pool, onCommit: checkpointer.noteCommit)
        do {
            let migrator = StoreMigrations.migrator
            if try pool.read(migrator.hasBeenSuperseded) {
                throw StoreError(
                    code: .incompatibleSchema,
                    reason: "the database was written by a newer version of the bridge",
                    source: "open"
                )
            }
            try migrator.migrate(pool)
        } catch {
            let wrapped = StoreError(wrapping: error, source: "migrate")
            throw StoreError(code: .incompatibleSchema, reason: wrapped.reason, source: wrapped.source)
        }
    }

    /// Checkpoints the write-ahead log shortly after commits, on a connection of its own, until the task is cancelled,
    /// so that commits do not pay for copying the log (see ``WALCheckpoint``); once the log has grown past 4 MiB, the
    /// writer finishes each checkpoint between two batches, so that the log starts over under a steady load too: the
    /// batch after it waits for the last frames to be copied and the database file to be synced. Returns at once if it
    /// already runs. The daemon runs it for as long as the store is open; without it the writer checkpoints by itself,
    /// but only once the log holds 10,000 pages. `onCheckpoint` hears each checkpoint's outcome.
    public func runCheckpoints<C: Clock<Duration>>(
        clock: C = ContinuousClock(),
        onCheckpoint: @Sendable (Result<WALCheckpoint, any Error>) -> Void = { _ in }
    ) async {
        await checkpointer.run(clock: clock, finishOnWriter: groupCommit.checkpoint, onCheckpoint: onCheckpoint)
    }

    /// Closes the database once the writes already handed over have committed; every later call fails with
    /// ``StoreError/Code/databaseFailure`` and the reason "the store is closed". Waits for running accesses to finish.
    public func close() throws(StoreError) {
        closed.store(true, ordering: .sequentiallyConsistent)
        // On the writer's queue, after the batches already queued there: writes handed over before this call still
        // commit, and a batch queued after it fails saying the store is closed instead of meeting a closed connection.
        try? pool.writeWithoutTransaction { _ in groupCommit.close() }
        do {
            try pool.close()
        } catch {
            throw StoreError(wrapping: error, source: "close")
        }
    }

    // MARK: Accesses

    /// Runs `body` as one write (rolled back if it throws, alone), mapping every failure to a ``StoreError``. Writes
    /// that arrive while the writer is busy share a transaction (see ``GroupCommit``); the commit is on disk as
    /// `durability` says when this returns.
    func write<T: Sendable>(
        _ source: String,
        durability: CommitDurability = .synced,
        _ body: @escaping @Sendable (Database) throws -> T
    ) async throws(StoreError) -> T {
        do {
            try checkOpen()
            return try await groupCommit.write(durability: durability, body)
        } catch {
            throw StoreError(wrapping: error, source: source)
        }
    }

    /// Runs `body` on a read-only snapshot on the calling thread, mapping every failure to a ``StoreError``. For
    /// lookups of a few rows through an index: they take tens of microseconds, less than the two thread hops of
    /// ``read(_:_:)`` (to a reader's queue and back), so running them in place holds up the caller's executor less
    /// than the hops would. Never for a scan whose cost grows with the queue.
    func lookUp<T>(_ source: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            try checkOpen()
            return try pool.read(body)
        } catch {
            throw StoreError(wrapping: error, source: source)
        }
    }

    /// Runs `body` on a read-only snapshot, mapping every failure to a ``StoreError``.
    func read<T: Sendable>(
        _ source: String,
        _ body: @escaping @Sendable (Database) throws -> T
    ) async throws(StoreError) -> T {
        do {
            try checkOpen()
            return try await pool.read(body)
        } catch {
            throw StoreError(wrapping: error, source: source)
        }
    }

    /// Whether ``close()`` has begun.
    var isClosed: Bool { closed.load(ordering: .sequentiallyConsistent) }

    private func checkOpen() throws {
        guard !isClosed else { throw StoreClosed() }
    }
}
