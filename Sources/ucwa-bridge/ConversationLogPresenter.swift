import LocalAPIModels

/// The table that shows conversation logs to people.
enum ConversationLogPresenter {
    /// Logs one per line in the given order, or a sentence when there are none.
    static func render(_ logs: [ConversationLogView]) -> String {
        guard !logs.isEmpty else { return "no conversation logs" }
        let table = TableRenderer(headers: ["SUBJECT", "PARTICIPANTS", "CREATED AT", "HREF"])
        return table.render(
            logs.map { log in
                [
                    TableRenderer.cell(log.subject),
                    participants(log.recipients),
                    HumanFormat.date(log.creationTime),
                    log.href,
                ]
            }
        )
    }

    /// The recipients' SIP URIs (their names when they have none), comma-separated, or `-`.
    static func participants(_ recipients: [ConversationLogView.Recipient]) -> String {
        let names = recipients.compactMap { $0.sipUri ?? $0.name }
        return TableRenderer.cell(names.joined(separator: ", "))
    }
}
