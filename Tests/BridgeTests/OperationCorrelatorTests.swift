import Foundation
import Testing
import UCWA

@testable import Bridge

struct OperationCorrelatorTests {
    private let origin = try! UCWAOrigin("https://fe1.contoso.com")
    private let invitationPath = "/ucwa/oauth/v1/applications/102/communication/messagingInvitations/60c"

    /// Decodes events through the real codec, as the event channel will.
    private func events(_ eventsJSON: String) throws -> [Event] {
        let body = """
            {"_links":{"self":{"href":"/ucwa/oauth/v1/applications/102/events?ack=2"},
                       "next":{"href":"/ucwa/oauth/v1/applications/102/events?ack=3"}},
             "sender":[{"rel":"communication","href":"/ucwa/oauth/v1/applications/102/communication",
                        "events":[\(eventsJSON)]}]}
            """
        return try EventsResponse.decode(json: Data(body.utf8)).events
    }

    private func invitationEvent(
        type: String,
        operationId: String?,
        href: String? = nil,
        status: String? = nil,
        reason: String? = nil
    ) -> String {
        let link = #"{"rel":"messagingInvitation","href":"\#(href ?? invitationPath)"}"#
        var fields = [#""link":\#(link)"#, #""type":"\#(type)""#]
        if let operationId {
            fields.append(
                #""_embedded":{"messagingInvitation":{"state":"Connecting","operationId":"\#(operationId)","#
                    + #""_links":{"self":{"href":"\#(invitationPath)"}},"rel":"messagingInvitation"}}"#
            )
        }
        if let status { fields.append(#""status":"\#(status)""#) }
        if let reason { fields.append(#""reason":\#(reason)"#) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    @Test func anEventBeforeThe201IsMatchedByItsOperationId() throws {
        let id = try OperationID(validating: "5028e824226840b49e591abad65ff393")
        var correlator = OperationCorrelator(origin: origin)
        correlator.register(id)

        let started = try #require(try events(invitationEvent(type: "started", operationId: id.rawValue)).first)
        let update = correlator.correlate(started)

        let invitation = try origin.resolve(invitationPath)
        #expect(update == OperationUpdate(operationID: id, progress: .started(invitation: invitation)))
    }

    @Test func completedWithoutStartedEndsTheOperation() throws {
        let id = OperationID.random()
        var correlator = OperationCorrelator(origin: origin)
        correlator.register(id)

        let completed = try events(invitationEvent(type: "completed", operationId: id.rawValue, status: "success"))
        #expect(
            correlator.correlate(completed[0]) == OperationUpdate(operationID: id, progress: .completed(.succeeded))
        )
    }

    @Test func aFailureCarriesItsReason() throws {
        let id = OperationID.random()
        var correlator = OperationCorrelator(origin: origin)
        correlator.register(id)

        let reason = #"{"code":"RemoteFailure","subcode":"Declined","message":"Your invitation was declined."}"#
        let completed = try events(
            invitationEvent(type: "completed", operationId: id.rawValue, status: "Failure", reason: reason)
        )
        let correlated = correlator.correlate(completed[0])
        let update = try #require(correlated)

        guard case .completed(.failed(let failure)) = update.progress else {
            Issue.record("expected a failure, got \(update.progress)")
            return
        }
        #expect(failure?.code.rawValue == "RemoteFailure")
        #expect(failure?.subcode?.rawValue == "Declined")
    }

    @Test func eventsNamingOnlyTheHrefWaitForTheLocation() throws {
        let id = OperationID.random()
        var correlator = OperationCorrelator(origin: origin)
        correlator.register(id)

        // The reference samples write absolute hrefs with an explicit default port; Location is relative.
        let absolute = "https://FE1.contoso.com:443" + invitationPath
        let early = try events(
            invitationEvent(type: "started", operationId: nil, href: absolute) + ","
                + invitationEvent(type: "completed", operationId: nil, href: absolute, status: "Success")
        )
        #expect(early.compactMap { correlator.correlate($0) }.isEmpty)

        let claimed = correlator.recordLocation(invitationPath, for: id)
        #expect(claimed.map(\.progress).count == 2)
        #expect(claimed.last == OperationUpdate(operationID: id, progress: .completed(.succeeded)))
        #expect(correlator.recordLocation(invitationPath, for: id).isEmpty, "claimed events are handed out once")
    }

    @Test func eventsAfterTheLocationMatchByHref() throws {
        let id = OperationID.random()
        var correlator = OperationCorrelator(origin: origin)
        correlator.register(id)
        #expect(correlator.recordLocation(invitationPath, for: id).isEmpty)

        let updated = try events(invitationEvent(type: "updated", operationId: nil))
        #expect(correlator.correlate(updated[0]) == OperationUpdate(operationID: id, progress: .updated(state: nil)))
    }

    @Test func eventsOfUnknownOrRetiredOperationsAreIgnored() throws {
        let retired = OperationID.random()
        var correlator = OperationCorrelator(origin: origin)
        correlator.register(retired)
        _ = correlator.recordLocation(invitationPath, for: retired)
        correlator.unregister(retired)

        let late = try events(
            invitationEvent(type: "completed", operationId: retired.rawValue, status: "Success") + ","
                + invitationEvent(type: "completed", operationId: nil, status: "Success") + ","
                + invitationEvent(type: "started", operationId: "someone-elses-operation")
        )
        #expect(late.compactMap { correlator.correlate($0) }.isEmpty)
        #expect(correlator.operations.isEmpty)
    }

    @Test func forgettingAnOperationKeepsTheHrefsOfTheOthers() throws {
        let (retired, kept) = (OperationID.random(), OperationID.random())
        var correlator = OperationCorrelator(origin: origin)
        correlator.register(retired)
        correlator.register(kept)
        let otherInvitation = "/ucwa/oauth/v1/applications/102/communication/messagingInvitations/61d"
        _ = correlator.recordLocation(otherInvitation, for: retired)
        _ = correlator.recordLocation(invitationPath, for: kept)
        correlator.unregister(retired)

        let completed = try events(invitationEvent(type: "completed", operationId: nil, status: "Success"))
        let update = correlator.correlate(completed[0])
        #expect(update == OperationUpdate(operationID: kept, progress: .completed(.succeeded)))
    }

    @Test func anEventNamingAnOperationIsReadWithoutItsRegistration() throws {
        let someone = "someone-elses-operation"
        let started = try events(invitationEvent(type: "started", operationId: someone))
        var correlator = OperationCorrelator(origin: origin)
        #expect(correlator.correlate(started[0]) == nil, "not registered: not ours to follow")
        let update = try #require(OperationCorrelator.update(namedBy: started[0], origin: origin))
        #expect(update.operationID.rawValue == someone)
        guard case .started = update.progress else {
            Issue.record("expected started, got \(update.progress)")
            return
        }
        let unnamed = try events(invitationEvent(type: "completed", operationId: nil, status: "Success"))
        #expect(OperationCorrelator.update(namedBy: unnamed[0], origin: origin) == nil)
    }

    @Test func plainResourceEventsAreNotOperations() throws {
        let id = OperationID.random()
        var correlator = OperationCorrelator(origin: origin)
        correlator.register(id)

        let added = try events(
            #"{"link":{"rel":"conversation","href":"/ucwa/oauth/v1/applications/102/communication/conversations/21a1"},"#
                + #""type":"added"}"#
        )
        #expect(correlator.correlate(added[0]) == nil)
    }

    @Test func unattributedEventsAreBounded() throws {
        let id = OperationID.random()
        var correlator = OperationCorrelator(origin: origin, unmatchedLimit: 2)
        correlator.register(id)

        let hrefs = (1...3).map { "/ucwa/oauth/v1/applications/102/communication/messagingInvitations/\($0)" }
        for href in hrefs {
            let started = try events(invitationEvent(type: "started", operationId: nil, href: href))
            #expect(correlator.correlate(started[0]) == nil)
        }
        #expect(correlator.recordLocation(hrefs[0], for: id).isEmpty, "the oldest was dropped")
        #expect(correlator.recordLocation(hrefs[2], for: id).count == 1)
    }
}
