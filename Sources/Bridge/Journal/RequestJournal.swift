/// Where the dispatcher writes every change of a request, before anyone else sees it.
///
/// The contract the SQLite store will keep: `record` stores the whole request as given, in one transaction, and
/// returns only once it is durable. The dispatcher calls it once per state change, in order for each request, and
/// never concurrently for the same request. A throw means "not stored": before an attempt's POST the dispatcher
/// then does not send it; for later changes it logs the failure and carries on in memory.
public protocol RequestJournal: Sendable {
    /// Stores `request` as it is now.
    func record(_ request: MessageRequest) async throws
}
