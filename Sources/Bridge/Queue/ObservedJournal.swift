/// The dispatcher's journal in the daemon: stores each change in the ``RequestStore``, then publishes it to
/// ``RequestChanges``. A change that was not stored is not published.
public struct ObservedJournal: RequestJournal {
    public let store: RequestStore
    public let changes: RequestChanges

    public init(store: RequestStore, changes: RequestChanges) {
        self.store = store
        self.changes = changes
    }

    public func record(_ request: MessageRequest) async throws {
        try await store.record(request)
        changes.publish(request)
    }
}
