import UCWA

/// How the dispatcher sends continueMessaging requests (`dispatch.*` and `ucwa.contentType` in the config file).
public struct DispatchConfiguration: Sendable {
    /// The continueMessaging body format (`ucwa.contentType`).
    public var bodyFormat: UCWABodyFormat
    /// How many requests may be in flight toward UCWA at once (`dispatch.concurrency`); the rest wait, oldest first.
    public var concurrency: Int
    /// Backoff, maximum attempts and the default deadline (`dispatch.retry`).
    public var retry: RetryPolicy
    /// How long an attempt whose outcome is unknown (no answer to its POST, or the channel reset while it awaited
    /// events) keeps its operationId registered, waiting for events that prove the server has it.
    public var ambiguityGrace: Duration
    /// The documented server-side time-out of an outgoing IM invitation (about 30 s).
    public var invitationTimeout: Duration
    /// What is added to ``invitationTimeout`` before the invitation resource is read instead of the events.
    public var outcomeMargin: Duration

    /// Where a request waits for its next attempt; ``RetryScheduling/inRun`` unless set.
    public var retryScheduling: RetryScheduling

    public init(
        bodyFormat: UCWABodyFormat = .json,
        concurrency: Int = 16,
        retry: RetryPolicy = .standard,
        ambiguityGrace: Duration = .seconds(45),
        invitationTimeout: Duration = .seconds(30),
        outcomeMargin: Duration = .seconds(30),
        retryScheduling: RetryScheduling = .inRun
    ) {
        self.bodyFormat = bodyFormat
        self.concurrency = max(1, concurrency)
        self.retry = retry
        self.ambiguityGrace = ambiguityGrace
        self.invitationTimeout = invitationTimeout
        self.outcomeMargin = outcomeMargin
        self.retryScheduling = retryScheduling
    }

    /// How long after the 201 the `completed` event may take before the invitation resource is read.
    public var outcomeTimeout: Duration {
        invitationTimeout + outcomeMargin
    }
}
