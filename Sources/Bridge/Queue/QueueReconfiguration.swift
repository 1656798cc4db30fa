/// The settings a configuration reload changes while the queue runs.
extension MessageQueue {
    /// The configuration in force: the one the queue was made with, or that of the last
    /// ``update(admissionLimit:retention:defaultDeadline:)``.
    public var configurationInForce: QueueConfiguration {
        configuration
    }

    /// Changes how many requests are admitted at once, how long finished requests are kept, and the deadline of
    /// requests that name none, then wakes the admission loop so that the change shows at its next pass.
    ///
    /// What is under way when it is called:
    /// - `admissionLimit` (at least 1): requests already admitted keep their runs; a lowered limit admits no more
    ///   until enough of them ended, a raised one admits due requests at the next pass.
    /// - `retention`: finished requests older than the new retention are deleted at the next pass, not at the next
    ///   regular prune; nothing else is deleted.
    /// - `defaultDeadline`: only requests enqueued after the call get it; stored requests keep their deadline.
    public func update(admissionLimit: Int, retention: Duration, defaultDeadline: Duration) {
        configuration.admissionLimit = max(1, admissionLimit)
        if configuration.retention != retention {
            configuration.retention = retention
            lastPrune = nil
        }
        configuration.defaultDeadline = defaultDeadline
        wakeInput.yield()
    }
}
