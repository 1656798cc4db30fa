import GRDB
import Synchronization

/// Runs the store's WAL checkpoints on a connection of their own, so that no commit waits for one.
///
/// Left to itself, SQLite checkpoints inside the commit that takes the log past 1,000 pages: that commit (and every
/// write batched behind it) then also copies the log into the database file and syncs it. The queue writes about
/// eight pages per transaction and several transactions per request, so at 100 requests per second about one request
/// in twenty had a checkpoint in its way. Here the writer's own threshold is raised to a fallback
/// (``fallbackThreshold``, for when nobody runs the checkpointer) and ``run(clock:onCheckpoint:)`` checkpoints shortly
/// after commits instead, on a second connection: a `PASSIVE` checkpoint never blocks the writer or readers.
final class WALCheckpointer: Sendable {
    /// The writer's own checkpoint threshold in pages (4 KiB each), reached only when ``run(clock:onCheckpoint:)`` is
    /// not running or cannot keep up.
    static let fallbackThreshold = 10_000

    /// The size the write-ahead log file is cut back to when the writer starts it over after a complete checkpoint:
    /// a burst (or a reader holding an old snapshot) can grow it far beyond what the queue needs, and SQLite keeps
    /// the file at its largest otherwise.
    static let retainedLogBytes = 4 << 20

    /// How long the checkpointer waits after a commit before it checkpoints, so that a burst of commits shares one.
    static let coalescingDelay = Duration.milliseconds(100)

    private let path: String
    /// Where ``noteCommit()`` signals the running ``run(clock:onCheckpoint:)``; `nil` while none runs.
    private let commitSignal = Mutex<AsyncStream<Void>.Continuation?>(nil)

    init(path: String) {
        self.path = path
    }

    /// Called after every committed batch; cheap, never blocks.
    func noteCommit() {
        commitSignal.withLock { $0?.yield() }
    }

    /// Checkpoints after commits (waiting ``coalescingDelay`` on `clock` first) until the task is cancelled; returns
    /// at once when another `run` is already running. `onCheckpoint` hears each checkpoint's outcome.
    func run<C: Clock<Duration>>(
        clock: C,
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
            do {
                let checkpoint = try await connection.writeWithoutTransaction { db in
                    let (pages, copied) = try db.checkpoint(.passive)
                    return WALCheckpoint(logPages: pages, copiedPages: copied)
                }
                onCheckpoint(.success(checkpoint))
            } catch {
                // Cancelled at shutdown: not a failure worth reporting.
                guard !Task.isCancelled else { return }
                onCheckpoint(.failure(error))
            }
        }
    }
}

/// What one `PASSIVE` checkpoint found and did.
public struct WALCheckpoint: Sendable, Equatable {
    /// Pages in the write-ahead log.
    public var logPages: Int
    /// Pages of it now copied into the database file; all of them unless a reader held an older snapshot.
    public var copiedPages: Int
}
