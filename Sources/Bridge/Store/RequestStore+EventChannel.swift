import GRDB

extension RequestStore {
    /// The `channel` key of the events href to resume the event channel from.
    static let eventsHrefKey = "eventsHref"

    /// Records that an event response was received and that the channel continues at `nextHref`, in one durable
    /// transaction; the event channel calls it (its `persist` hook) before the next P-GET acknowledges the batch.
    public func recordEventBatch(nextHref: String) async throws(StoreError) {
        try await write("recordEventBatch") { db in
            try db.execute(
                sql: """
                    INSERT INTO channel (key, value) VALUES (?, ?)
                    ON CONFLICT(key) DO UPDATE SET value = excluded.value
                    """,
                arguments: [Self.eventsHrefKey, nextHref]
            )
        }
    }

    /// The events href last recorded by ``recordEventBatch(nextHref:)``, or `nil` before the first batch.
    public func eventsHref() async throws(StoreError) -> String? {
        try await read("eventsHref") { db in
            try String.fetchOne(db, sql: "SELECT value FROM channel WHERE key = ?", arguments: [Self.eventsHrefKey])
        }
    }
}
