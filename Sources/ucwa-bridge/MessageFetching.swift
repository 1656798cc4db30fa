import LocalAPIModels

/// What waiting for a request needs from the API: one request, optionally held until it changes.
protocol MessageFetching: Sendable {
    /// `GET /v1/messages/{id}`, with `?wait=` when `wait` is given; with `untilFinal`, the daemon holds the answer
    /// until the request is final rather than until its next change (`&until=final`).
    func message(id: String, wait: Duration?, untilFinal: Bool) async throws -> MessageView
}
