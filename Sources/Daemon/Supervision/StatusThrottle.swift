/// Decides which `STATUS=` lines go out.
///
/// Contract:
/// - A line goes out when it differs from the last one sent, and never sooner than `minimumInterval` after it
///   (systemd keeps only the latest status; sending every small change of a busy queue would only cost datagrams).
///   A line held back is not lost: the reporter offers the current line again at its next sample.
/// - An unchanged line goes out again once `refreshInterval` passed since it was last sent, so that a line another
///   sender put there (the reload's outcome) does not stay for good.
struct StatusThrottle<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    let minimumInterval: Duration
    let refreshInterval: Duration
    private(set) var lastSent: String?
    private(set) var lastSentAt: Instant?

    init(minimumInterval: Duration, refreshInterval: Duration = .seconds(60)) {
        self.minimumInterval = minimumInterval
        self.refreshInterval = refreshInterval
    }

    /// Whether `line`, offered at `now`, should be sent; when it should, it is taken as sent.
    mutating func admit(_ line: String, at now: Instant) -> Bool {
        if let lastSentAt {
            let elapsed = lastSentAt.duration(to: now)
            guard elapsed >= minimumInterval else { return false }
            guard line != lastSent || elapsed >= refreshInterval else { return false }
        }
        lastSent = line
        lastSentAt = now
        return true
    }

    /// Forgets the last line, so that the next offer is sent even when equal (after a send failed); the minimum
    /// interval still holds.
    mutating func forget() {
        lastSent = nil
    }
}
