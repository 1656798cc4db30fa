import Bridge

extension DaemonConfiguration {
    /// The dispatcher's configuration: `ucwa.contentType`, `dispatch.concurrency` and ``retryPolicy()``; the
    /// dispatcher's own defaults for the grace and invitation timings.
    ///
    /// - Throws: ``ConfigurationError`` when the retry settings make no schedule (only possible for a
    ///   configuration changed since it was loaded).
    public func dispatchConfiguration() throws(ConfigurationError) -> DispatchConfiguration {
        DispatchConfiguration(
            bodyFormat: ucwa.contentType,
            concurrency: dispatch.concurrency,
            retry: try retryPolicy()
        )
    }

    /// The retry policy of `dispatch.retry` and `dispatch.maxAttempts`, with full jitter as DESIGN.md prescribes.
    ///
    /// - Throws: ``ConfigurationError`` naming the key when the settings make no schedule.
    public func retryPolicy() throws(ConfigurationError) -> RetryPolicy {
        let retry = dispatch.retry
        do {
            return try RetryPolicy(
                initialDelay: retry.initialDelay,
                multiplier: retry.multiplier,
                maximumDelay: retry.maxDelay,
                jitter: .full,
                maximumAttempts: dispatch.maxAttempts,
                deadline: retry.deadline
            )
        } catch {
            let key = error.field == "maxAttempts" ? "dispatch.maxAttempts" : "dispatch.retry.\(error.field)"
            throw ConfigurationError(key: key, problem: error.reason)
        }
    }
}
