import GRDB

extension RequestStore {
    /// The `channel` key of the events href to resume the event channel from.
    static let eventsHrefKey = "eventsHref"

    /// Records that an event response was received and that the channel continues at `nextHref`, in one transaction
    /// that survives a crash of the daemon (``CommitDurability/deferred``: a power loss may lose it, and the server
    /// then serves the batch again); the event channel calls it (its `persist` hook) before the next P-GET
    /// acknowledges the batch.
    public func recordEventBatch(nextHref: String) async throws(StoreError) {
        try await write("recordEventBatch", durability: .deferred) { db in
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
