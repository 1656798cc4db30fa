import Logging

/// The P-GET query parameters and the retry schedule of the event channel.
public struct EventChannelParameters: Hashable, Sendable {
    /// `timeout`, in seconds (documented 180...1800); `nil` (the default) takes the client configuration's
    /// ``UCWAClientConfiguration/eventTimeout``, which also sizes the long-poll read timeout.
    ///
    /// A value that is not below the long-poll read timeout (``UCWAClientConfiguration/eventTimeout`` plus
    /// ``UCWAClientConfiguration/longPollMargin``) would cut every idle P-GET before the server answers it: the
    /// event channel replaces it with `eventTimeout` and logs a warning.
    public var timeout: Int?
    /// `medium`, in seconds, if set (5...1800).
    public var medium: Int?
    /// `low`, in seconds, if set (5...1800).
    public var low: Int?
    /// The retry schedule for failed P-GETs; capped far below the 15-minute application idle limit.
    public var backoff: Backoff

    /// Creates parameters.
    public init(timeout: Int? = nil, medium: Int? = nil, low: Int? = nil, backoff: Backoff = .standard) {
        self.timeout = timeout
        self.medium = medium
        self.low = low
        self.backoff = backoff
    }

    /// The parameters in the order they are added to the URL (`timeout` only when set: the event channel always
    /// sets it, see ``resolved(for:logger:)``).
    var queryItems: [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        if let timeout { items.append(("timeout", String(timeout))) }
        if let medium { items.append(("medium", String(medium))) }
        if let low { items.append(("low", String(low))) }
        return items
    }

    /// These parameters with `timeout` taken from `configuration` when unset, and replaced by its `eventTimeout`
    /// (with a warning) when it is not below the long-poll read timeout.
    func resolved(for configuration: UCWAClientConfiguration, logger: Logger) -> EventChannelParameters {
        var resolved = self
        let fallback = Self.wholeSeconds(configuration.eventTimeout)
        let readTimeout = configuration.eventTimeout + configuration.longPollMargin
        guard let timeout else {
            resolved.timeout = fallback
            return resolved
        }
        if Duration.seconds(timeout) >= readTimeout {
            logger.warning(
                "the P-GET timeout is not below the long-poll read timeout; using the configured event timeout",
                metadata: [
                    "timeout": "\(timeout)", "readTimeout": "\(readTimeout)", "eventTimeout": "\(fallback)",
                ]
            )
            resolved.timeout = fallback
        }
        return resolved
    }

    private static func wholeSeconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds)
    }
}
