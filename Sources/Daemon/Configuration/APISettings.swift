extension DaemonConfiguration {
    /// The `api` section: the local API's Unix socket, who may use it, and the limits of its requests.
    public struct APISettings: Sendable, Equatable {
        /// `api.socketPath`: an absolute path of at most 107 bytes; default `/run/ucwa-bridge/api.sock`.
        public var socketPath: String
        /// `api.socketGroup`: the group of the `0660` socket; empty to leave the daemon's own group;
        /// default `ucwa-bridge`.
        public var socketGroup: String
        /// `api.allowedUIDs`: users allowed besides root and the socket group's members; default none.
        public var allowedUIDs: [UInt32]
        /// `api.allowedGIDs`: groups allowed besides root and the socket group; default none.
        public var allowedGIDs: [UInt32]
        /// `api.maxMessageBytes`: the largest message text accepted, in UTF-8 bytes; default 16384.
        public var maxMessageBytes: Int
        /// `api.maxWait`: the longest `?wait=` honoured, longer ones are capped; default 60 s.
        public var maxWait: Duration

        /// Creates the section; the defaults are the documented ones.
        public init(
            socketPath: String = "/run/ucwa-bridge/api.sock",
            socketGroup: String = "ucwa-bridge",
            allowedUIDs: [UInt32] = [],
            allowedGIDs: [UInt32] = [],
            maxMessageBytes: Int = 16384,
            maxWait: Duration = .seconds(60)
        ) {
            self.socketPath = socketPath
            self.socketGroup = socketGroup
            self.allowedUIDs = allowedUIDs
            self.allowedGIDs = allowedGIDs
            self.maxMessageBytes = maxMessageBytes
            self.maxWait = maxWait
        }
    }
}
