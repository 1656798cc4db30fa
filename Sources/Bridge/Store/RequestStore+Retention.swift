import Foundation
import GRDB

extension RequestStore {
    /// Deletes the finished requests (`delivered`, `failed`, `cancelled`, `expired`) whose last change is older than
    /// `cutoff`, with their attempts, in one transaction; returns how many requests it deleted.
    @discardableResult
    public func deleteFinished(olderThan cutoff: Date) async throws(StoreError) -> Int {
        let terminal = RequestState.allCases.filter(\.isTerminal).map(\.rawValue)
        let cutoff = StoredTime.column(cutoff)
        return try await write("deleteFinished") { db in
            try RequestRecord
                .filter(terminal.contains(Column("state")) && Column("updatedAt") < cutoff)
                .deleteAll(db)
        }
    }
}
