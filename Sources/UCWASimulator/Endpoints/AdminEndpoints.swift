import Foundation
import NIOHTTP1

extension SimulatorCore {
    /// The admin API under `/_sim/`: JSON in and out, no authentication, never faulted.
    /// Routes (also in docs/ucwa-sim-admin.md):
    ///
    /// - `GET /_sim/received`: `{"continueMessaging": [...]}`, every continueMessaging request in order.
    /// - `DELETE /_sim/received`: forget them (204).
    /// - `GET /_sim/counters`: `{"pGetsServed", "pGetsReplaced", "applicationsCreated", "tokensIssued", ...}`.
    /// - `GET /_sim/applications`: `{"applications": [{"id", "href", "eventsHref", "hasParkedPGet", ...}]}`.
    /// - `POST /_sim/faults` with `{"endpoint", "fault", "count"?}` (the next `count` calls, default 1) or
    ///   `{"endpoint", "fault", "probability", "seed"?}`: script a fault (204).
    /// - `DELETE /_sim/faults`: remove all faults (204).
    /// - `POST /_sim/outcomes` with `{"outcomes": [outcome, ...], "default": outcome?}`: queue invitation
    ///   outcomes, one per invitation (204).
    /// - `POST /_sim/invitation-script` with `{"order"?, "completedOnly"?, "outcomeDelaySeconds"?,
    ///   "eventDelaySeconds"?}`: change the invitation modes (204).
    /// - `POST /_sim/tokens/expire`: every token stops working (204).
    /// - `POST /_sim/applications/expire`: every application expires (204).
    /// - `POST /_sim/transient-state/reset`: every application's parked or next P-GET gets `resume` (204).
    ///
    /// An outcome is `{"kind": "accepted" | "declined" | "timedOut" | "neverCompletes"}` or
    /// `{"kind": "failure", "code": "...", "subcode": "...", "message": "..."}`. Bad input answers
    /// 400 `{"error": "..."}`; an unknown route 404.
    func handleAdmin(_ request: SimulatorRequest, segments: [String]) -> SimulatorResponse {
        do {
            switch (request.method, segments) {
            case (.GET, ["received"]):
                return .json(.ok, .object([("continueMessaging", .array(receivedContinueMessaging.map(\.adminJSON)))]))
            case (.DELETE, ["received"]):
                clearReceived()
            case (.GET, ["counters"]):
                return .json(.ok, counters.adminJSON)
            case (.GET, ["applications"]):
                return .json(.ok, .object([("applications", .array(applicationInfos.map(\.adminJSON)))]))
            case (.POST, ["faults"]):
                try scriptFault(AdminInput(request))
            case (.DELETE, ["faults"]):
                clearFaults()
            case (.POST, ["outcomes"]):
                try queueOutcomes(AdminInput(request))
            case (.POST, ["invitation-script"]):
                try changeScript(AdminInput(request))
            case (.POST, ["tokens", "expire"]):
                expireTokensNow()
            case (.POST, ["applications", "expire"]):
                expireApplicationsNow()
            case (.POST, ["transient-state", "reset"]):
                resetTransientStateNow()
            default:
                return .json(.notFound, .object([("error", .string("unknown admin route"))]))
            }
            return SimulatorResponse(status: .noContent)
        } catch {
            return .json(.badRequest, .object([("error", .string(error.reason))]))
        }
    }

    private func scriptFault(_ input: AdminInput) throws(AdminInput.Invalid) {
        let endpoint: SimulatedEndpoint = try input.named("endpoint")
        let fault: SimulatedFault = try input.named("fault")
        if let probability = try input.number("probability") {
            if let seed = try input.number("seed") {
                state.withLock { $0.faults.reseed(UInt64(max(seed, 0))) }
            }
            injectFault(fault, at: endpoint, probability: probability)
        } else {
            let count = try input.number("count") ?? 1
            guard count >= 1, count == count.rounded() else {
                throw AdminInput.Invalid(reason: "count must be a positive integer")
            }
            injectFault(fault, at: endpoint, count: Int(count))
        }
    }

    private func queueOutcomes(_ input: AdminInput) throws(AdminInput.Invalid) {
        let outcomes = try input.objects("outcomes").map { object throws(AdminInput.Invalid) in try Self.outcome(object)
        }
        let defaultOutcome = try input.object("default").map { object throws(AdminInput.Invalid) in
            try Self.outcome(object)
        }
        updateScript { script in
            script.enqueue(outcomes)
            if let defaultOutcome {
                script.defaultOutcome = defaultOutcome
            }
        }
    }

    private func changeScript(_ input: AdminInput) throws(AdminInput.Invalid) {
        let order: InvitationEventOrder? = try input.optionalNamed("order")
        let completedOnly = try input.bool("completedOnly")
        let outcomeDelay = try input.number("outcomeDelaySeconds")
        let eventDelay = try input.number("eventDelaySeconds")
        for delay in [outcomeDelay, eventDelay].compactMap({ $0 }) where delay < 0 {
            throw AdminInput.Invalid(reason: "delays must not be negative")
        }
        updateScript { script in
            if let order { script.order = order }
            if let completedOnly { script.completedOnly = completedOnly }
            if let outcomeDelay { script.outcomeDelay = .milliseconds(Int64(outcomeDelay * 1000)) }
            if let eventDelay { script.eventDelay = .milliseconds(Int64(eventDelay * 1000)) }
        }
    }

    private static func outcome(_ object: AdminInput) throws(AdminInput.Invalid) -> InvitationOutcome {
        switch try object.string("kind") {
        case "accepted": return .accepted
        case "declined": return .declined
        case "timedOut": return .timedOut
        case "neverCompletes": return .neverCompletes
        case "failure":
            return .failure(
                code: try object.string("code"),
                subcode: try object.string("subcode"),
                message: try object.string("message")
            )
        default:
            throw AdminInput.Invalid(
                reason: "kind must be accepted, declined, timedOut, neverCompletes or failure"
            )
        }
    }
}

extension ReceivedContinueMessaging {
    var adminJSON: JSONValue {
        func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        return .object([
            ("sequence", .int(Int64(sequence))),
            ("application", .string(application)),
            ("conversationLog", .string(conversationLog)),
            ("contentType", optional(contentType)),
            ("operationId", optional(operationId)),
            ("messageHref", optional(messageHref)),
            ("messageText", optional(messageText)),
            ("httpStatus", httpStatus.map { .int(Int64($0)) } ?? .null),
            ("connectionClosed", .bool(connectionClosed)),
        ])
    }
}

extension SimulatorCounters {
    var adminJSON: JSONValue {
        .object([
            ("pGetsServed", .int(Int64(pGetsServed))),
            ("pGetsReplaced", .int(Int64(pGetsReplaced))),
            ("applicationsCreated", .int(Int64(applicationsCreated))),
            ("tokensIssued", .int(Int64(tokensIssued))),
            ("continueMessagingReceived", .int(Int64(continueMessagingReceived))),
            ("invitationsStarted", .int(Int64(invitationsStarted))),
        ])
    }
}

extension SimulatedApplicationInfo {
    var adminJSON: JSONValue {
        .object([
            ("id", .string(id)),
            ("href", .string(href)),
            ("username", .string(username)),
            ("endpointId", .string(endpointId)),
            ("eventsHref", .string(eventsHref)),
            ("hasParkedPGet", .bool(hasParkedPGet)),
            ("invitationCount", .int(Int64(invitationCount))),
        ])
    }
}
