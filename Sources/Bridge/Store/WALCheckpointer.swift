import GRDB
import Synchronization

/// Runs the store's WAL checkpoints on a connection of their own, so that commits do not wait for the copying: at
/// most, under a steady load, a batch waits for the last frames of one (see below).
///
/// Left to itself, SQLite checkpoints inside the commit that takes the log past 1,000 pages: that commit (and every
/// write batched behind it) then also copies the log into the database file and syncs it. The queue writes about
/// eight pages per transaction and several transactions per request, so at 100 requests per second about one request
/// in twenty had a checkpoint in its way. Here the writer's own threshold is raised to a fallback
/// (``fallbackThreshold``, for when nobody runs the checkpointer) and ``run(clock:finishOnWriter:onCheckpoint:)``
/// checkpoints shortly after commits instead, on a second connection: a `PASSIVE` checkpoint never blocks the writer
/// or readers.
///
/// Beside a writer that never pauses, such a checkpoint never reaches the log's end: what is committed while it copies
/// stays behind, and SQLite starts the log over only once all of it is copied. The log then grew to the fallback
/// threshold (10,000 pages, about 40 MB) under a steady load, a checkpoint of thousands of pages ran inside a commit
/// every half second, and every frame past the file's kept size made the file system allocate blocks and the commit's
/// sync write the file's inode too. So once the log holds ``finishingThreshold`` pages, the checkpoint is finished on
/// the writer connection between two batches (``GroupCommit/checkpoint()``): only the last frames are left to copy, and
/// the next commit starts the log over, in a file that keeps its size.
final class WALCheckpointer: Sendable {
    /// The writer's own checkpoint threshold in pages (4 KiB each), reached only when
    /// ``run(clock:finishOnWriter:onCheckpoint:)`` is not running or cannot keep up.
    static let fallbackThreshold = 10_000

    /// The size the write-ahead log file is cut back to when it starts over after a complete checkpoint: a burst (or
    /// a reader holding an old snapshot) can grow it far beyond what the queue needs, and SQLite keeps the file at its
    /// largest otherwise. Larger than the log grows between two checkpoints under a steady load (about 7 MiB at 1,000
    /// requests per second), so that the file is not cut back and grown again at every one.
    static let retainedLogBytes = 16 << 20

    /// The log's size in pages from which a checkpoint is finished on the writer (see above). Below it, at modest
    /// rates, checkpoints beside the writer reach the log's end by themselves between commits, and a pass on the
    /// writer would only delay a batch.
    static let finishingThreshold = 1_024

    /// How long the checkpointer waits after a commit before it checkpoints, so that a burst of commits shares one.
    static let coalescingDelay = Duration.milliseconds(100)

    private let path: String
    /// Where ``noteCommit()`` signals the running ``run(clock:finishOnWriter:onCheckpoint:)``; `nil` while none runs.
    private let commitSignal = Mutex<AsyncStream<Void>.Continuation?>(nil)

    init(path: String) {
        self.path = path
    }

    /// Called after every committed batch; cheap, never blocks.
    func noteCommit() {
        commitSignal.withLock { $0?.yield() }
    }

    /// Checkpoints after commits (waiting ``coalescingDelay`` on `clock` first) until the task is cancelled; returns
    /// at once when another `run` is already running. When a checkpoint copied all it found and found at least
    /// ``finishingThreshold`` pages, `finishOnWriter` runs one more on the writer connection. `onCheckpoint` hears each
    /// checkpoint's outcome, both passes.
    func run<C: Clock<Duration>>(
        clock: C,
        finishOnWriter: @Sendable () async -> Result<WALCheckpoint, any Error>,
        onCheckpoint: @Sendable (Result<WALCheckpoint, any Error>) -> Void = { _ in }
    ) async {
        let (commits, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let isFirst = commitSignal.withLock { current in
            guard current == nil else { return false }
            current = signal
            return true
        }
        guard isFirst else { return }
        defer { commitSignal.withLock { $0 = nil } }
        let connection: DatabaseQueue
        do {
            var configuration = Configuration()
            configuration.label = "RequestStore.checkpointer"
            configuration.prepareDatabase { db in
                // A checkpoint syncs the log before it copies it and the database file after, as the writer's does.
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            connection = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            onCheckpoint(.failure(error))
            return
        }
        defer { try? connection.close() }
        for await _ in commits {
            do {
                try await clock.sleep(for: Self.coalescingDelay)
            } catch {
                return
            }
            let checkpoint: WALCheckpoint
            do {
                checkpoint = try await connection.writeWithoutTransaction { db in
                    let (pages, copied) = try db.checkpoint(.passive)
                    return WALCheckpoint(logPages: pages, copiedPages: copied, pass: .beside)
                }
                onCheckpoint(.success(checkpoint))
            } catch {
                // Cancelled at shutdown: not a failure worth reporting.
                guard !Task.isCancelled else { return }
                onCheckpoint(.failure(error))
                continue
            }
            // A reader on an older snapshot kept frames from being copied: the writer could not copy them either.
            if checkpoint.copiedPages == checkpoint.logPages && checkpoint.logPages >= Self.finishingThreshold {
                onCheckpoint(await finishOnWriter())
            }
        }
    }
}

/// What one `PASSIVE` checkpoint found and did.
public struct WALCheckpoint: Sendable, Equatable {
    /// The connection a checkpoint ran on.
    public enum Pass: String, Sendable {
        /// The checkpointer's own connection, beside the writer.
        case beside
        /// The writer connection, between two batches, finishing a checkpoint made beside it.
        case writer
    }

    /// Pages in the write-ahead log.
    public var logPages: Int
    /// Pages of it now copied into the database file; all of them unless a reader held an older snapshot.
    public var copiedPages: Int
    /// Where it ran.
    public var pass: Pass
}
