extension DaemonConfiguration.DispatchSettings {
    /// The `dispatch.retry` section: exponential backoff with full jitter, and the per-request deadline.
    public struct RetrySettings: Sendable, Equatable {
        /// `dispatch.retry.initialDelay`: the delay after the first failed attempt, above zero; default 1 s.
        public var initialDelay: Duration
        /// `dispatch.retry.multiplier`: how the delay grows per failed attempt, at least 1; default 2.
        public var multiplier: Double
        /// `dispatch.retry.maxDelay`: the cap of the delay, at least `initialDelay`; default 5 min.
        public var maxDelay: Duration
        /// `dispatch.retry.deadline`: how long after acceptance a request may still be attempted, above zero;
        /// default 1 h. A request not delivered by then ends `expired`.
        public var deadline: Duration

        /// Creates the section; the defaults are the documented ones.
        public init(
            initialDelay: Duration = .seconds(1),
            multiplier: Double = 2,
            maxDelay: Duration = .seconds(300),
            deadline: Duration = .seconds(3600)
        ) {
            self.initialDelay = initialDelay
            self.multiplier = multiplier
            self.maxDelay = maxDelay
            self.deadline = deadline
        }
    }
}
