/// Everything needed to play one invitation's script on the event channel, captured when
/// `continueMessaging` was accepted.
struct InvitationRun: Sendable {
    var application: String
    var generation: Int
    var record: InvitationRecord
    var user: SimulatedUser
    var order: InvitationEventOrder
    var completedOnly: Bool
    var outcomeDelay: Duration
    var eventDelay: Duration

    var base: String { SimulatedApplication.path(application) }
    var communicationHref: String { base + "/communication" }
    var invitationHref: String { communicationHref + "/messagingInvitations/" + record.id }
    var conversationHref: String { communicationHref + "/conversations/" + record.conversationID }
    var messagingHref: String { conversationHref + "/messaging" }
    var recipient: SeededConversationLog.Recipient? { record.log.recipients.first }

    static func participantKey(_ sipURI: String) -> String {
        sipURI.hasPrefix("sip:") ? String(sipURI.dropFirst(4)) : sipURI
    }

    /// The first events: `started` (sender communication), `conversation added`, then
    /// `messaging updated` (sender conversation), as in protocol notes §3.4.
    var startedEvents: [ChannelEvent] {
        [
            ChannelEvent(
                senderRel: "communication",
                senderHref: communicationHref,
                type: "started",
                linkRel: "messagingInvitation",
                linkHref: invitationHref,
                embedded: invitationResource(state: "Connecting")
            ),
            ChannelEvent(
                senderRel: "communication",
                senderHref: communicationHref,
                type: "added",
                linkRel: "conversation",
                linkHref: conversationHref,
                embedded: conversationResource(state: "Connecting")
            ),
            ChannelEvent(
                senderRel: "conversation",
                senderHref: conversationHref,
                type: "updated",
                linkRel: "messaging",
                linkHref: messagingHref,
                embedded: messagingResource(state: "Connecting")
            ),
        ]
    }

    /// The `completed` event (protocol notes §4.3) and, on success, `messaging updated` to
    /// Connected. Empty for an invitation that never completes.
    var outcomeEvents: [ChannelEvent] {
        if record.outcome == .neverCompletes {
            return []
        }
        guard let reason = record.outcome.reason else {
            return [
                ChannelEvent(
                    senderRel: "communication",
                    senderHref: communicationHref,
                    type: "completed",
                    linkRel: "messagingInvitation",
                    linkHref: invitationHref,
                    embedded: invitationResource(state: "Connected"),
                    status: "Success"
                ),
                ChannelEvent(
                    senderRel: "conversation",
                    senderHref: conversationHref,
                    type: "updated",
                    linkRel: "messaging",
                    linkHref: messagingHref,
                    embedded: messagingResource(state: "Connected")
                ),
            ]
        }
        return [
            ChannelEvent(
                senderRel: "communication",
                senderHref: communicationHref,
                type: "completed",
                linkRel: "messagingInvitation",
                linkHref: invitationHref,
                embedded: invitationResource(state: "Failed"),
                status: "Failure",
                reason: reason
            )
        ]
    }

    /// The invitation state after the outcome.
    var finalState: String? {
        switch record.outcome {
        case .neverCompletes: nil
        case .accepted: "Connected"
        default: "Failed"
        }
    }

    func invitationResource(state: String) -> ResourceShape {
        var properties: [(String, ResourceShape.Property)] = [
            ("direction", .string("Outgoing")),
            ("importance", .string(record.log.importance)),
            ("threadId", .string(record.log.threadId)),
            ("state", .string(state)),
        ]
        if let operationId = record.operationId {
            properties.append(("operationId", .string(operationId)))
        }
        properties.append(("subject", .string(record.log.subject)))
        if let recipient {
            properties.append(("to", .string(recipient.sipURI)))
        }
        var links = [
            ResourceShape.Link(
                rel: "from",
                href: conversationHref + "/participants/" + Self.participantKey(user.sipURI),
                title: user.displayName
            )
        ]
        if let recipient {
            links.append(.init(rel: "to", href: base + "/people/" + Self.participantKey(recipient.sipURI)))
        }
        links.append(.init(rel: "conversation", href: conversationHref))
        links.append(.init(rel: "messaging", href: messagingHref))
        if state == "Connecting" {
            links.append(.init(rel: "cancel", href: messagingHref + "/terminate"))
        }
        if let messageHref = record.messageHref {
            links.append(.init(rel: "message", href: messageHref))
        }
        var embedded: [(String, ResourceShape.Embedded)] = []
        if state == "Connected" {
            let accepted = record.log.recipients.map { recipient in
                ResourceShape(
                    rel: "participant",
                    href: conversationHref + "/participants/" + Self.participantKey(recipient.sipURI),
                    properties: [
                        ("sourceNetwork", .string("SameEnterprise")),
                        ("anonymous", .bool(false)),
                        ("name", .string(recipient.displayName)),
                        ("uri", .string(recipient.sipURI)),
                    ],
                    links: [.init(rel: "contact", href: base + "/people/" + Self.participantKey(recipient.sipURI))]
                )
            }
            embedded.append(("acceptedByParticipant", .many(accepted)))
        }
        return ResourceShape(
            rel: "messagingInvitation",
            href: invitationHref,
            properties: properties,
            links: links,
            embedded: embedded
        )
    }

    private func conversationResource(state: String) -> ResourceShape {
        ResourceShape(
            rel: "conversation",
            href: conversationHref,
            properties: [
                ("state", .string(state)),
                ("threadId", .string(record.log.threadId)),
                ("subject", .string(record.log.subject)),
                ("activeModalities", .strings([])),
                ("importance", .string(record.log.importance)),
                ("recording", .bool(false)),
            ],
            links: [
                .init(rel: "messaging", href: messagingHref),
                .init(rel: "participants", href: conversationHref + "/participants"),
            ]
        )
    }

    private func messagingResource(state: String) -> ResourceShape {
        var links = [ResourceShape.Link(rel: "conversation", href: conversationHref)]
        if state == "Connected" {
            links.append(.init(rel: "sendMessage", href: messagingHref + "/messages"))
            links.append(.init(rel: "stopMessaging", href: messagingHref + "/terminate"))
        }
        return ResourceShape(
            rel: "messaging",
            href: messagingHref,
            properties: [("state", .string(state))],
            links: links
        )
    }
}
