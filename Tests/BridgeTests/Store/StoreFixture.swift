import Foundation
import GRDB
import UCWA

@testable import Bridge

/// A fresh directory for one test's database file, removed afterwards.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ucwa-bridge-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Runs `body` with a store opened on a new file in a new temporary directory; closes the store and removes the
/// directory afterwards, whatever happens.
func withTemporaryStore(_ body: (RequestStore, TemporaryDirectory) async throws -> Void) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try RequestStore(directory: directory.url)
    do {
        try await body(store, directory)
    } catch {
        try? store.close()
        throw error
    }
    try store.close()
}

/// Writes a database in `directory` as the bridge did when `version` was its latest migration, holding `requests`
/// with their attempts, for the tests of the migrations after it.
func writeStore(ofVersion version: String, in directory: TemporaryDirectory, holding requests: [MessageRequest])
    async throws
{
    let queue = try DatabaseQueue(path: directory.url.appendingPathComponent(RequestStore.fileName).path)
    try StoreMigrations.migrator.migrate(queue, upTo: version)
    try await queue.write { db in
        for request in requests {
            try RequestRecord(request).insert(db)
            try RequestStore.replaceAttempts(of: request, in: db)
        }
    }
    try queue.close()
}

/// Builds the requests the store tests use.
enum StoreSamples {
    /// An instant with a fraction of a second, so that exact round trips are tested.
    static let epoch = Date(timeIntervalSinceReferenceDate: 816_000_000.123_456_7)

    static let conversationLog = "/ucwa/oauth/v1/applications/105/communication/conversationLogs/x1"

    static func request(
        id: String? = nil,
        idempotencyKey: String? = nil,
        createdAt: Date = epoch,
        message: String = "the build is green"
    ) -> MessageRequest {
        MessageRequest(
            id: id.map(RequestID.init) ?? .random(),
            conversationLog: conversationLog,
            message: message,
            contentType: .plain,
            operationID: nil,
            idempotencyKey: idempotencyKey,
            deadline: createdAt.addingTimeInterval(3600),
            createdAt: createdAt
        )
    }

    /// `request` moved to `dispatching` with a new attempt, as the dispatcher does before a POST.
    static func dispatched(_ request: MessageRequest, at time: Date) throws -> MessageRequest {
        var request = request
        let attempt = Attempt(operationID: .random(), startedAt: time)
        request.operationID = attempt.operationID
        request.attempts.append(attempt)
        request.nextAttemptAt = nil
        try request.move(to: .dispatching, at: time)
        return request
    }

    /// `request` (in flight) moved to `retryScheduled` after a `500 ServiceFailure/CallbackChannelError`.
    static func retryScheduled(_ request: MessageRequest, at time: Date, next: Date) throws -> MessageRequest {
        var request = request
        request.attempts[request.attempts.count - 1].httpStatus = 500
        request.attempts[request.attempts.count - 1].code = "ServiceFailure"
        request.attempts[request.attempts.count - 1].subcode = "CallbackChannelError"
        request.nextAttemptAt = next
        try request.move(to: .retryScheduled, at: time)
        return request
    }

    /// `request` (in flight) ended `state`, which must be terminal or `started`.
    static func moved(_ request: MessageRequest, to state: RequestState, at time: Date) throws -> MessageRequest {
        var request = request
        try request.move(to: state, at: time)
        return request
    }
}
