extension SimulatorCore {
    /// `GET conversationLogs[?limit=N]`: the seeded logs as a links-only array, even for one.
    func handleConversationLogs(_ request: SimulatorRequest, application id: String, username: String)
        -> SimulatorResponse
    {
        guard withLiveApplication(id, of: username, { _, _, _ in () }) != nil else {
            return .error(.notFound, .applicationNotFound, for: request)
        }
        var logs = configuration.conversationLogs
        if let limit = request.query["limit"].flatMap({ Int($0) }), limit >= 0 {
            logs = Array(logs.prefix(limit))
        }
        return .json(.ok, ConversationLogShape.collection(logs, application: id))
    }

    /// `GET conversationLog`: one seeded log, or 404 ResourceNotFound.
    func handleConversationLog(
        _ request: SimulatorRequest,
        application id: String,
        log logID: String,
        username: String
    ) -> SimulatorResponse {
        guard withLiveApplication(id, of: username, { _, _, _ in () }) != nil else {
            return .error(.notFound, .applicationNotFound, for: request)
        }
        guard let log = configuration.conversationLogs.first(where: { $0.id == logID }) else {
            return .error(
                .notFound,
                UCWAErrorBody(
                    code: "NotFound",
                    subcode: "ResourceNotFound",
                    message: "The conversation log does not exist."
                ),
                for: request
            )
        }
        return .json(.ok, ConversationLogShape.log(log, application: id))
    }

    /// `GET messagingInvitation` (the 201's `Location`): the invitation in its current state,
    /// until a transient state reset or the application's end.
    func handleMessagingInvitation(
        _ request: SimulatorRequest,
        application id: String,
        invitation invitationID: String,
        username: String
    ) -> SimulatorResponse {
        let user = self.user(named: username) ?? .default
        let found = withLiveApplication(id, of: username) { _, application, _ -> (InvitationRecord, Int)? in
            application.invitations[invitationID].map { ($0, application.generation) }
        }
        guard let found else {
            return .error(.notFound, .applicationNotFound, for: request)
        }
        guard let (record, generation) = found else {
            return .error(
                .notFound,
                UCWAErrorBody(code: "NotFound", subcode: "ResourceNotFound", message: "The invitation does not exist."),
                for: request
            )
        }
        let run = InvitationRun(
            application: id,
            generation: generation,
            record: record,
            user: user,
            order: .afterResponse,
            completedOnly: false,
            outcomeDelay: .zero,
            eventDelay: .zero
        )
        return .json(.ok, run.invitationResource(state: record.state).json)
    }
}
