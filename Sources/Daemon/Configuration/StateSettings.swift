extension DaemonConfiguration {
    /// The `state` section: where the durable state lives.
    public struct StateSettings: Sendable, Equatable {
        /// `state.directory`: an absolute path holding the SQLite queue and the `endpoint-id` file;
        /// default `/var/lib/ucwa-bridge`.
        public var directory: String

        /// Creates the section; the default is the documented one.
        public init(directory: String = "/var/lib/ucwa-bridge") {
            self.directory = directory
        }
    }
}
