import GRDB

extension RequestStore {
    /// The `channel` key of the events href to resume the event channel from.
    static let eventsHrefKey = "eventsHref"

    /// Records that an event response was received and that the channel continues at `nextHref`, in one durable
    /// transaction; the event channel calls it (its `persist` hook) before the next P-GET acknowledges the batch.
    /// Synced: a position older than the server's acknowledgement would get a `resync` after a power loss, which
    /// makes every request in flight ambiguous. Concurrent writes share the sync (``GroupCommit``).
    public func recordEventBatch(nextHref: String) async throws(StoreError) {
        try await write("recordEventBatch") { db in
            try db.cachedStatement(sql: StoreStatements.upsertChannelValue)
                .execute(arguments: [Self.eventsHrefKey, nextHref])
        }
    }

    /// The events href last recorded by ``recordEventBatch(nextHref:)``, or `nil` before the first batch.
    public func eventsHref() async throws(StoreError) -> String? {
        try await read("eventsHref") { db in
            try String.fetchOne(db, sql: "SELECT value FROM channel WHERE key = ?", arguments: [Self.eventsHrefKey])
        }
    }
}
