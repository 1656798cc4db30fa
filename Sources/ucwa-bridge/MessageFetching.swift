import LocalAPIModels

/// What waiting for a request needs from the API: one request, optionally held until it changes.
protocol MessageFetching: Sendable {
    /// `GET /v1/messages/{id}`, with `?wait=` when `wait` is given.
    func message(id: String, wait: Duration?) async throws -> MessageView
}
