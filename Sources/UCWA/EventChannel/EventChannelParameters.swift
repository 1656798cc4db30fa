/// The P-GET query parameters and the retry schedule of the event channel.
public struct EventChannelParameters: Hashable, Sendable {
    /// `timeout`, in seconds (documented 180...1800).
    public var timeout: Int
    /// `medium`, in seconds, if set (5...1800).
    public var medium: Int?
    /// `low`, in seconds, if set (5...1800).
    public var low: Int?
    /// The retry schedule for failed P-GETs; capped far below the 15-minute application idle limit.
    public var backoff: Backoff

    /// Creates parameters.
    public init(timeout: Int = 180, medium: Int? = nil, low: Int? = nil, backoff: Backoff = .standard) {
        self.timeout = timeout
        self.medium = medium
        self.low = low
        self.backoff = backoff
    }

    /// The parameters in the order they are added to the URL.
    var queryItems: [(name: String, value: String)] {
        var items = [("timeout", String(timeout))]
        if let medium { items.append(("medium", String(medium))) }
        if let low { items.append(("low", String(low))) }
        return items
    }
}
