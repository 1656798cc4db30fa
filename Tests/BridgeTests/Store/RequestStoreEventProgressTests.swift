import Foundation
import Testing
import UCWA

@testable import Bridge

/// The starts and ends of operations recorded with an event batch, on the in-flight request whose current attempt
/// they name, for a restart to find when the request's own commit of them was lost.
struct RequestStoreEventProgressTests {
    private static let origin = try! UCWAOrigin(scheme: "https", host: "fe1.contoso.com")
    private static let nextHref = "/ucwa/oauth/v1/applications/105/events?ack=2"
    private static let invitation = "https://fe1.contoso.com/ucwa/oauth/v1/applications/105/messagingInvitations/1"

    private static func record(_ request: MessageRequest, _ progress: OperationProgress) throws -> RecordedProgress {
        let operationID = try #require(request.operationID)
        return try #require(RecordedProgress(OperationUpdate(operationID: operationID, progress: progress)))
    }

    /// A new request stored, then dispatched and moved through `states`, each move recorded.
    private static func stored(through states: [RequestState], in store: RequestStore) async throws -> MessageRequest {
        let time = StoreSamples.epoch.addingTimeInterval(1)
        var request = StoreSamples.request()
        _ = try await store.insert(request)
        request = try StoreSamples.dispatched(request, at: time)
        try await store.record(request)
        for state in states {
            request = try StoreSamples.moved(request, to: state, at: time)
            try await store.record(request)
        }
        return request
    }

    @Test func anEndIsRecordedOnTheInFlightRequestItNamesAndSurvivesReopening() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RequestStore(directory: directory.url)
        let awaiting = try await Self.stored(through: [.awaitingEvents], in: store)
        let delivered = try await Self.stored(through: [.delivered], in: store)
        let time = StoreSamples.epoch.addingTimeInterval(1)
        let reason = ErrorReason(code: .forbidden, subcode: .doNotDisturb, message: "busy")
        try await store.recordEventBatch(
            nextHref: Self.nextHref,
            progress: [
                Self.record(awaiting, .completed(.failed(reason))),
                Self.record(delivered, .completed(.succeeded)),
                Self.record(StoreSamples.dispatched(StoreSamples.request(), at: time), .completed(.succeeded)),
            ]
        )
        try store.close()

        let reopened = try RequestStore(directory: directory.url)
        defer { try? reopened.close() }
        #expect(try await reopened.eventsHref() == Self.nextHref)
        let recorded = try await reopened.recordedProgress(of: [awaiting.id, delivered.id])
        // A finished request keeps no record: its own commit came first.
        #expect(recorded.keys.sorted { $0.rawValue < $1.rawValue } == [awaiting.id])
        let update = try #require(recorded[awaiting.id]).update(origin: Self.origin)
        let operationID = try #require(awaiting.operationID)
        #expect(update == OperationUpdate(operationID: operationID, progress: .completed(.failed(reason))))
        #expect(try await reopened.request(awaiting.id) == awaiting)
    }

    @Test func aStartIsRecordedOnlyWhileThePOSTHasNoAnswerStored() async throws {
        try await withTemporaryStore { store, _ in
            let dispatching = try await Self.stored(through: [], in: store)
            let awaiting = try await Self.stored(through: [.awaitingEvents], in: store)
            let invitation = try Self.origin.resolve(Self.invitation)
            try await store.recordEventBatch(
                nextHref: Self.nextHref,
                progress: [
                    Self.record(dispatching, .started(invitation: invitation)),
                    Self.record(awaiting, .started(invitation: invitation)),
                ]
            )
            let recorded = try await store.recordedProgress(of: [dispatching.id, awaiting.id])
            #expect(recorded.count == 1)
            let update = try #require(recorded[dispatching.id]).update(origin: Self.origin)
            let operationID = try #require(dispatching.operationID)
            #expect(update == OperationUpdate(operationID: operationID, progress: .started(invitation: invitation)))
        }
    }

    /// The event channel's hook: a response's `next` href, and the operations its events name.
    @Test func aResponseIsRecordedWithTheOperationsItsEventsName() async throws {
        try await withTemporaryStore { store, _ in
            let dispatching = try await Self.stored(through: [], in: store)
            let started = try await Self.stored(through: [.started], in: store)
            let (dispatchingID, startedID) = (try #require(dispatching.operationID), try #require(started.operationID))
            let invitation = "/ucwa/oauth/v1/applications/105/communication/messagingInvitations/1"
            func event(_ type: String, _ operationID: OperationID?, status: String? = nil) -> String {
                let embedded =
                    operationID.map {
                        #","_embedded":{"messagingInvitation":{"operationId":"\#($0.rawValue)","#
                            + #""_links":{"self":{"href":"\#(invitation)"}}}}"#
                    } ?? ""
                return #"{"link":{"rel":"messagingInvitation","href":"\#(invitation)"},"type":"\#(type)""#
                    + (status.map { #","status":"\#($0)""# } ?? "") + embedded + "}"
            }
            let events = [
                event("started", dispatchingID), event("completed", startedID, status: "Success"),
                event("completed", nil, status: "Success"),
            ]
            let body = """
                {"_links":{"self":{"href":"/ucwa/oauth/v1/applications/105/events?ack=1"},
                           "next":{"href":"\(Self.nextHref)"}},
                 "sender":[{"rel":"communication","href":"/ucwa/oauth/v1/applications/105/communication",
                            "events":[\(events.joined(separator: ","))]}]}
                """
            let response = try EventsResponse.decode(json: Data(body.utf8))
            try await store.recordEventBatch(response, origin: Self.origin)

            #expect(try await store.eventsHref() == Self.nextHref)
            let recorded = try await store.recordedProgress(of: [dispatching.id, started.id])
            let startedUpdate = try #require(recorded[dispatching.id]).update(origin: Self.origin)
            let resolved = try Self.origin.resolve(invitation)
            #expect(
                startedUpdate == OperationUpdate(operationID: dispatchingID, progress: .started(invitation: resolved))
            )
            let completedUpdate = try #require(recorded[started.id]).update(origin: Self.origin)
            #expect(completedUpdate == OperationUpdate(operationID: startedID, progress: .completed(.succeeded)))
        }
    }

    @Test func aStartCameLaterDoesNotReplaceAnEnd() async throws {
        try await withTemporaryStore { store, _ in
            let dispatching = try await Self.stored(through: [], in: store)
            try await store.recordEventBatch(
                nextHref: Self.nextHref,
                progress: [Self.record(dispatching, .completed(.succeeded))]
            )
            try await store.recordEventBatch(
                nextHref: Self.nextHref,
                progress: [Self.record(dispatching, .started(invitation: nil))]
            )
            let recorded = try #require(try await store.recordedProgress(of: [dispatching.id])[dispatching.id])
            #expect(recorded.update(origin: Self.origin).progress == .completed(.succeeded))
        }
    }

    @Test func anUpdatedEventIsNotRecorded() throws {
        #expect(RecordedProgress(OperationUpdate(operationID: .random(), progress: .updated(state: nil))) == nil)
    }
}
