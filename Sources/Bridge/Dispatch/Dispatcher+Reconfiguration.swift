/// The settings a configuration reload changes while the dispatcher runs.
extension Dispatcher {
    /// The retry policy in force: the one of the configuration, or of the last ``update(retryPolicy:concurrency:)``.
    public var retryPolicy: RetryPolicy {
        configuration.retry
    }

    /// How many requests may be in flight toward UCWA at once now.
    public var concurrency: Int {
        configuration.concurrency
    }

    /// Changes the retry policy and the number of requests in flight at once, for what happens from now on.
    ///
    /// What is under way when it is called:
    /// - An attempt in flight (POST sent, or awaiting its events) goes on untouched, whatever the new concurrency:
    ///   a lowered limit never cancels or interrupts a request; it only delays new attempts until enough in-flight
    ///   ones ended to bring their number under the new limit. A raised limit lets waiting requests start at once.
    /// - The new policy decides every retry decided after the call (the delay, `maximumAttempts`, and the age past
    ///   which a request stops being retried). A request already `retryScheduled` keeps its stored next attempt
    ///   time; the new policy applies to it after that attempt.
    /// - A request's own deadline, fixed when it was accepted, never changes.
    public func update(retryPolicy: RetryPolicy, concurrency: Int) async {
        configuration.retry = retryPolicy
        configuration.concurrency = max(1, concurrency)
        await limit.resize(to: configuration.concurrency)
    }
}
