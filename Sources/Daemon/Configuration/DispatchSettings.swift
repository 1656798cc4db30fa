extension DaemonConfiguration {
    /// The `dispatch` section: how many requests go out at once, how they are retried, how long they are kept.
    public struct DispatchSettings: Sendable, Equatable {
        /// `dispatch.concurrency`: continueMessaging requests in flight at once, 1 to 100; default 16.
        public var concurrency: Int
        /// `dispatch.retry`: the backoff schedule and the default deadline.
        public var retry: RetrySettings
        /// `dispatch.maxAttempts`: the most attempts a request gets, the first included; default no limit but
        /// the deadline.
        public var maxAttempts: Int?
        /// `dispatch.retention`: how long finished requests stay queryable; default 168 h.
        public var retention: Duration

        /// Creates the section; the defaults are the documented ones.
        public init(
            concurrency: Int = 16,
            retry: RetrySettings = RetrySettings(),
            maxAttempts: Int? = nil,
            retention: Duration = .seconds(168 * 3600)
        ) {
            self.concurrency = concurrency
            self.retry = retry
            self.maxAttempts = maxAttempts
            self.retention = retention
        }
    }
}
