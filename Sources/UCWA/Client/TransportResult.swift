/// What one HTTP exchange gave: a response, or a failure with whether the request head was ever written.
enum TransportResult: Sendable {
    /// A complete response arrived.
    case response(UCWAResponse)
    /// The request failed before its head was written to a connection: the server cannot have seen it.
    case notSent(UCWAClientError)
    /// The request failed after its head was written (or after part of the response arrived): the server may have
    /// acted on it.
    case ambiguous(UCWAClientError)
}
