/// How the API server listens and what it accepts.
public struct APIConfiguration: Sendable, Hashable {
    /// Where the socket comes from (`api.socketPath` and `api.socketGroup`, or systemd's fd 3).
    public var socket: ListeningSocket
    /// Who may connect (`api.allowedUIDs`, `api.allowedGIDs`).
    public var peerPolicy: PeerPolicy
    /// The largest request body, in bytes (64 KiB by default), or more when ``submission``'s message limit needs it
    /// (``LiveSubmissionLimits/bodyBytes(forMessagesOf:atLeast:)``); a larger one is refused without being read.
    public var maximumBodyBytes: Int
    /// The limits of a submission (message size, idempotency key length).
    public var submission: SubmissionRules
    /// The longest `?wait=` honoured; longer waits are cut to it.
    public var maximumWait: Duration
    /// How long a connection may stay idle between requests.
    public var idleTimeout: Duration
    /// How long the connections open at shutdown get to finish their answers before they are closed.
    public var shutdownGrace: Duration

    public init(
        socket: ListeningSocket,
        peerPolicy: PeerPolicy = PeerPolicy(),
        maximumBodyBytes: Int = 64 * 1024,
        submission: SubmissionRules = SubmissionRules(),
        maximumWait: Duration = .seconds(60),
        idleTimeout: Duration = .seconds(120),
        shutdownGrace: Duration = .seconds(5)
    ) {
        self.socket = socket
        self.peerPolicy = peerPolicy
        self.maximumBodyBytes = maximumBodyBytes
        self.submission = submission
        self.maximumWait = maximumWait
        self.idleTimeout = idleTimeout
        self.shutdownGrace = shutdownGrace
    }
}
