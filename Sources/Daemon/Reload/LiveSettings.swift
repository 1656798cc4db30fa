import Bridge
import LocalAPI

/// The parts of the running daemon that take the live keys of a reloaded configuration (see
/// ``ConfigurationChange/reloadableKeys``), and how each takes them.
///
/// Nothing in progress is interrupted: see ``apply(_:retryPolicy:)``.
struct LiveSettings: Sendable {
    /// Read by every log handler on each call.
    let logLevel: LogLevelSwitch
    /// The dispatcher and the queue once the UCWA application is open, and the configuration they are built from
    /// before.
    let session: SessionSlot
    /// Read once per accepted API connection.
    let peerPolicy: LivePeerPolicy
    /// Read once by each submission and each `GET` of a request.
    let submissionLimits: LiveSubmissionLimits

    /// Puts the live keys of `configuration` in force; `retryPolicy` is the policy of its `dispatch.retry` and
    /// `dispatch.maxAttempts`, already checked.
    ///
    /// - `log.level`: the next message logged, by any logger, follows it.
    /// - `dispatch.retry.*`, `dispatch.maxAttempts`: retries decided from now on; scheduled ones keep their time
    ///   (``Dispatcher/update(retryPolicy:concurrency:)``). `dispatch.retry.deadline` is also the deadline of
    ///   requests accepted from now on; accepted ones keep theirs.
    /// - `dispatch.concurrency`: new attempts and admissions; in-flight attempts go on even above a lowered limit.
    /// - `dispatch.retention`: finished requests past it are deleted at the queue's next pass.
    /// - `api.allowedUIDs`, `api.allowedGIDs`: connections accepted from now on; open ones keep their decision.
    /// - `api.maxMessageBytes`, `api.maxWait`: requests that start from now on; a held wait keeps its length.
    ///
    /// While the UCWA application is not open yet there is no dispatcher or queue: the `dispatch.*` keys are recorded
    /// in the ``SessionSlot`` and the session is built with them (``SessionSlot/install(_:)``).
    func apply(_ configuration: DaemonConfiguration, retryPolicy: RetryPolicy) async {
        logLevel.set(configuration.log.level)
        if let parts = session.adopt(configuration) {
            // The dispatcher first: with a raised limit its slots exist when the queue admits more.
            await parts.dispatcher.update(retryPolicy: retryPolicy, concurrency: configuration.dispatch.concurrency)
            await parts.queue.update(
                admissionLimit: configuration.dispatch.concurrency,
                retention: configuration.dispatch.retention,
                defaultDeadline: configuration.dispatch.retry.deadline
            )
        }
        peerPolicy.setAllowed(uids: Set(configuration.api.allowedUIDs), gids: Set(configuration.api.allowedGIDs))
        submissionLimits.set(
            maximumMessageBytes: configuration.api.maxMessageBytes,
            maximumWait: configuration.api.maxWait
        )
    }
}
