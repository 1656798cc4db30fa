import GRDB

/// The store's schema, one named migration per version; a migration, once released, never changes.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createVersion1)
        migrator.registerMigration("v2", migrate: indexOperationIDs)
        migrator.registerMigration("v3", migrate: indexOnlyWaitingRequests)
        migrator.registerMigration("v4", migrate: countRequestsByState)
        migrator.registerMigration("v5", migrate: indexAcceptedRequests)
        migrator.registerMigration("v6", migrate: recordEventProgress)
        return migrator
    }

    /// The request queue, each request's attempts, and the event channel's key/value row.
    private static func createVersion1(_ db: Database) throws {
        try db.create(table: "request") { table in
            table.primaryKey("id", .text)
            table.column("conversationLog", .text).notNull()
            table.column("message", .text).notNull()
            table.column("contentType", .text).notNull()
            table.column("operationId", .text)
            table.column("idempotencyKey", .text).unique()
            table.column("deadline", .double).notNull()
            table.column("state", .text).notNull()
            table.column("nextAttemptAt", .double)
            table.column("failureCode", .text)
            table.column("failureSubcode", .text)
            table.column("failureMessage", .text)
            table.column("invitation", .text)
            table.column("createdAt", .double).notNull()
            table.column("updatedAt", .double).notNull()
        }
        // Due requests; queue depth and the oldest queued request; unfiltered paging.
        try db.create(index: "request_on_state_nextAttemptAt", on: "request", columns: ["state", "nextAttemptAt"])
        try db.create(index: "request_on_state_createdAt", on: "request", columns: ["state", "createdAt"])
        try db.create(index: "request_on_createdAt_id", on: "request", columns: ["createdAt", "id"])

        try db.create(table: "attempt") { table in
            table.column("requestId", .text).notNull().references("request", onDelete: .cascade)
            table.column("ordinal", .integer).notNull()
            table.column("operationId", .text).notNull().unique()
            table.column("startedAt", .double).notNull()
            table.column("httpStatus", .integer)
            table.column("code", .text)
            table.column("subcode", .text)
            table.primaryKey(["requestId", "ordinal"])
        }

        try db.create(table: "channel") { table in
            table.primaryKey("key", .text)
            table.column("value", .text).notNull()
        }
    }

    /// Finding a client-supplied operationId among stored requests; overdue waiting requests.
    private static func indexOperationIDs(_ db: Database) throws {
        try db.create(index: "request_on_operationId", on: "request", columns: ["operationId"])
        try db.create(index: "request_on_state_deadline", on: "request", columns: ["state", "deadline"])
    }

    /// The indexes the scheduling queries read hold only the rows they look for (waiting requests; requests
    /// waiting for a retry), so a request's later moves (`dispatching` to `delivered`) write none of their pages:
    /// 31 pages in the log per delivered request instead of 45. The queries must name the same states literally
    /// (``StoreStatements``): SQLite uses a partial index only for a query whose WHERE implies the index's.
    private static func indexOnlyWaitingRequests(_ db: Database) throws {
        try db.drop(index: "request_on_state_nextAttemptAt")
        try db.drop(index: "request_on_state_deadline")
        try db.execute(
            sql: """
                CREATE INDEX request_waiting_on_createdAt_id ON request(createdAt, id)
                    WHERE state IN ('accepted', 'retryScheduled');
                CREATE INDEX request_waiting_on_deadline ON request(deadline)
                    WHERE state IN ('accepted', 'retryScheduled');
                CREATE INDEX request_retrying_on_nextAttemptAt ON request(nextAttemptAt)
                    WHERE state = 'retryScheduled';
                """
        )
    }

    /// How many requests each state holds, kept by triggers in the transaction of every insert, move and delete, so
    /// that the queue depth (health, metrics, the status line each second) reads a few rows: counting them meant
    /// scanning an index of every stored request, finished ones included, which the retention keeps for a week
    /// (about 100 ms per read with a million). A state no request has had yet has no row.
    private static func countRequestsByState(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE requestCount (state TEXT PRIMARY KEY NOT NULL, count INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO requestCount (state, count) SELECT state, COUNT(*) FROM request GROUP BY state;
                CREATE TRIGGER requestCount_afterInsert AFTER INSERT ON request BEGIN
                    INSERT INTO requestCount (state, count) VALUES (NEW.state, 1)
                        ON CONFLICT (state) DO UPDATE SET count = count + 1;
                END;
                CREATE TRIGGER requestCount_afterMove AFTER UPDATE OF state ON request
                WHEN OLD.state IS NOT NEW.state BEGIN
                    UPDATE requestCount SET count = count - 1 WHERE state = OLD.state;
                    INSERT INTO requestCount (state, count) VALUES (NEW.state, 1)
                        ON CONFLICT (state) DO UPDATE SET count = count + 1;
                END;
                CREATE TRIGGER requestCount_afterDelete AFTER DELETE ON request BEGIN
                    UPDATE requestCount SET count = count - 1 WHERE state = OLD.state;
                END;
                """
        )
    }

    /// The `accepted` requests in creation order, for the admission pass (``StoreStatements/dueRequests``): it
    /// takes the oldest of them and the due retries from two indexes instead of walking every waiting request in
    /// creation order and reading each one's `nextAttemptAt`. Behind a long outage that walk passed every retry not
    /// yet due before it found a due request: 20–70 ms per pass with 100,000 of them, one pass per freed slot.
    private static func indexAcceptedRequests(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE INDEX request_accepted_on_createdAt_id ON request(createdAt, id) WHERE state = 'accepted';
                """
        )
    }

    /// The last start or end of an operation that an event batch carried for a request, recorded with the batch
    /// (``RecordedProgress``): the operation, `started`/`succeeded`/`failed`, and the invitation's href or the
    /// failure's reason.
    private static func recordEventProgress(_ db: Database) throws {
        try db.alter(table: "request") { table in
            table.add(column: "eventOperationId", .text)
            table.add(column: "eventProgress", .text)
            table.add(column: "eventDetail", .text)
        }
    }
}
