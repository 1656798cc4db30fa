import Bridge
import Foundation
import Testing
import UCWA

@testable import Daemon

/// The last failure for the `STATUS=` line, as the dispatcher's journal sees requests change.
@Suite struct FailureJournalTests {
    static let start = Date(timeIntervalSince1970: 1_796_000_000)

    static func request(attempt: Attempt) throws -> MessageRequest {
        var request = MessageRequest(
            conversationLog: "/ucwa/oauth/v1/applications/1/communication/conversationLogs/x",
            message: "hi",
            deadline: start.addingTimeInterval(600),
            createdAt: start
        )
        try request.move(to: .dispatching, at: start.addingTimeInterval(1))
        request.attempts.append(attempt)
        return request
    }

    @Test func notesRetriesFailuresAndExpiriesThatWereStored() async throws {
        let base = InMemoryRequestJournal()
        let failures = LastFailure()
        let journal = FailureJournal(wrapping: base, failures: failures)

        var retried = try Self.request(attempt: Attempt(operationID: .random(), startedAt: Self.start, httpStatus: 503))
        try await journal.record(retried)
        #expect(failures.latest == nil, "dispatching is no failure")
        try retried.move(to: .retryScheduled, at: Self.start.addingTimeInterval(2))
        try await journal.record(retried)
        #expect(failures.latest == LastFailure.Mark(code: "HTTP 503", at: Self.start.addingTimeInterval(2)))

        var failed = try Self.request(
            attempt: Attempt(operationID: .random(), startedAt: Self.start, httpStatus: 409, code: "Conflict")
        )
        failed.failure = RequestFailure(code: "Conflict", subcode: "AlreadyExists", message: "no")
        try failed.move(to: .failed, at: Self.start.addingTimeInterval(3))
        try await journal.record(failed)
        let conflict = LastFailure.Mark(code: "Conflict/AlreadyExists", at: Self.start.addingTimeInterval(3))
        #expect(failures.latest == conflict)

        var late = try Self.request(attempt: Attempt(operationID: .random(), startedAt: Self.start))
        try late.move(to: .retryScheduled, at: Self.start.addingTimeInterval(2.5))
        try await journal.record(late)
        #expect(failures.latest?.code == "Conflict/AlreadyExists", "an older failure does not replace a newer one")

        var expired = try Self.request(attempt: Attempt(operationID: .random(), startedAt: Self.start))
        try expired.move(to: .expired, at: Self.start.addingTimeInterval(4))
        try await journal.record(expired)
        #expect(failures.latest?.code == "Expired")
        #expect(await base.history.count == 5)
    }

    @Test func whatTheWrappedJournalRefusedIsNotNoted() async throws {
        let base = InMemoryRequestJournal()
        await base.failNextRecords(1)
        let failures = LastFailure()
        var request = try Self.request(attempt: Attempt(operationID: .random(), startedAt: Self.start))
        try request.move(to: .retryScheduled, at: Self.start.addingTimeInterval(2))
        await #expect(throws: (any Error).self) {
            try await FailureJournal(wrapping: base, failures: failures).record(request)
        }
        #expect(failures.latest == nil)
    }
}
