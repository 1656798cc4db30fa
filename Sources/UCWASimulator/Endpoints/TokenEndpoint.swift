extension SimulatorCore {
    /// `POST /WebTicket/oauthtoken` with a form-encoded password grant (protocol notes §1.4).
    /// Answers 200 with `access_token`, `token_type` and `expires_in`, or 400 with an OAuth
    /// `error`: `invalid_request` (fields missing), `unsupported_grant_type`, `invalid_grant`.
    func handleToken(_ request: SimulatorRequest) -> SimulatorResponse {
        guard let body = String(validating: request.body, as: UTF8.self),
            let fields = PercentDecoding.formFields(body[...]),
            let grantType = fields["grant_type"], !grantType.isEmpty
        else {
            return oauthError("invalid_request")
        }
        guard grantType == "password" else {
            return oauthError("unsupported_grant_type")
        }
        guard let username = fields["username"], !username.isEmpty, let password = fields["password"] else {
            return oauthError("invalid_request")
        }
        guard let user = user(named: username), user.password == password else {
            logger.info("password grant refused", metadata: ["username": "\(username)"])
            return oauthError("invalid_grant")
        }
        let lifetime = configuration.tokenLifetime
        let now = clock.now
        let token = state.withLock { state in
            state.counters.tokensIssued += 1
            return state.tokens.issue(for: user.username, now: now, lifetime: lifetime)
        }
        return .json(
            .ok,
            .object([
                ("access_token", .string(token)),
                ("token_type", .string("Bearer")),
                ("expires_in", .int(lifetime.components.seconds)),
            ])
        )
    }

    /// The configured user with this sign-in name (case-insensitive).
    func user(named username: String) -> SimulatedUser? {
        let wanted = username.lowercased()
        return configuration.users.first { $0.username.lowercased() == wanted }
    }

    private func oauthError(_ error: String) -> SimulatorResponse {
        .json(.badRequest, .object([("error", .string(error))]))
    }
}
