import GRDB
import UCWA

extension RequestStore {
    /// The `channel` key of the events href to resume the event channel from.
    static let eventsHrefKey = "eventsHref"

    /// Records that an event response was received and that the channel continues at `nextHref`, with the starts and
    /// ends of operations it carried (``RecordedProgress``), in one durable transaction; the event channel calls it
    /// (its `persist` hook) before the next P-GET acknowledges the batch. Each record goes on the in-flight request
    /// whose current operationId it names (a `started` only while that request's POST has no answer stored); the
    /// others are not ours, or already stored, and change nothing.
    ///
    /// Synced: a position older than the server's acknowledgement would get a `resync` after a power loss, which
    /// makes every request in flight ambiguous. Concurrent writes share the sync (``GroupCommit``).
    public func recordEventBatch(nextHref: String, progress: [RecordedProgress] = []) async throws(StoreError) {
        try await write("recordEventBatch") { db in
            for record in progress {
                let statement = record.isCompletion ? StoreStatements.recordCompleted : StoreStatements.recordStarted
                try db.cachedStatement(sql: statement)
                    .execute(arguments: [record.operationID.rawValue, record.kind.rawValue, record.detail])
            }
            try db.cachedStatement(sql: StoreStatements.upsertChannelValue)
                .execute(arguments: [Self.eventsHrefKey, nextHref])
        }
    }

    /// Records `response` as the event channel's `persist` hook: its continuation (`next`, else `resume` or `resync`)
    /// with the starts and ends of operations its events name (``OperationCorrelator/update(namedBy:origin:)``), hrefs
    /// resolved against `origin`. A response without a continuation records nothing.
    public func recordEventBatch(_ response: EventsResponse, origin: UCWAOrigin) async throws(StoreError) {
        guard let next = (response.next ?? response.resume ?? response.resync)?.href else { return }
        let progress = response.events.compactMap { event in
            OperationCorrelator.update(namedBy: event, origin: origin).flatMap(RecordedProgress.init)
        }
        try await recordEventBatch(nextHref: next, progress: progress)
    }

    /// The events href last recorded by ``recordEventBatch(nextHref:progress:)``, or `nil` before the first batch.
    public func eventsHref() async throws(StoreError) -> String? {
        try await read("eventsHref") { db in
            try String.fetchOne(db, sql: "SELECT value FROM channel WHERE key = ?", arguments: [Self.eventsHrefKey])
        }
    }

    /// The progress recorded on each of `ids` by an event batch (``recordEventBatch(nextHref:progress:)``), for the
    /// requests that have one: what a restart hands to their runs.
    public func recordedProgress(of ids: [RequestID]) async throws(StoreError) -> [RequestID: RecordedProgress] {
        try await read("recordedProgress") { db in
            var recorded: [RequestID: RecordedProgress] = [:]
            let statement = try db.cachedStatement(sql: StoreStatements.recordedProgressByID)
            for id in ids {
                guard let row = try Row.fetchOne(statement, arguments: [id.rawValue]),
                    let record = RecordedProgress(
                        operationID: row["eventOperationId"],
                        kind: row["eventProgress"],
                        detail: row["eventDetail"]
                    )
                else { continue }
                recorded[id] = record
            }
            return recorded
        }
    }
}
