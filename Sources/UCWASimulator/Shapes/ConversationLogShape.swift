/// The conversationLogs collection (links only, protocol notes §5.1) and the conversationLog
/// resource (§5.2), with relative hrefs.
enum ConversationLogShape {
    static func collectionPath(_ application: String) -> String {
        SimulatedApplication.path(application) + "/communication/conversationLogs"
    }

    static func collection(_ logs: [SeededConversationLog], application: String) -> JSONValue {
        let path = collectionPath(application)
        return .object([
            ("rel", .string("conversationLogs")),
            (
                "_links",
                .object([
                    ("self", .link(path)),
                    ("conversationLog", .array(logs.map { .link(path + "/" + $0.id) })),
                ])
            ),
        ])
    }

    static func log(_ log: SeededConversationLog, application: String) -> JSONValue {
        let path = collectionPath(application) + "/" + log.id
        let people = SimulatedApplication.path(application) + "/people/"
        let recipients: [JSONValue] = log.recipients.enumerated().map { index, recipient in
            let contact = people + InvitationRun.participantKey(recipient.sipURI)
            return .object([
                ("rel", .string("conversationLogRecipient")),
                ("displayName", .string(recipient.displayName)),
                ("sipUri", .string(recipient.sipURI)),
                (
                    "_links",
                    .object([
                        ("self", .link(path + "/recipients/" + String(index))),
                        ("contact", .link(contact)),
                        ("contactPhoto", .link(contact + "/contactPhoto")),
                        ("contactPresence", .link(contact + "/presence")),
                    ])
                ),
            ])
        }
        return .object([
            ("rel", .string("conversationLog")),
            ("creationTime", .date(milliseconds: log.creationTime)),
            ("direction", .string(log.direction)),
            ("importance", .string(log.importance)),
            ("modalities", .array([.string("Messaging")])),
            ("status", .string(log.status)),
            ("subject", .string(log.subject)),
            ("threadId", .string(log.threadId)),
            ("totalRecipientsCount", .int(Int64(log.recipients.count))),
            ("type", .string("MessageLog")),
            (
                "_links",
                .object([
                    ("self", .link(path)),
                    ("continueMessaging", .link(path + "/continueMessaging")),
                ])
            ),
            ("_embedded", .object([("conversationLogRecipient", .array(recipients))])),
        ])
    }
}
