import Foundation

/// How the client waits for a daemon that is still opening its UCWA application.
///
/// Until the application is open the API answers every request but the health report with `503 unavailable` and a
/// `Retry-After`, refusing it before reading its body: nothing was taken, so sending the same request again is safe.
/// A script that starts the daemon and sends at once (`systemctl start ucwa-bridged; ucwa-bridge send ...`) then
/// waits instead of failing, for at most ``patience`` in all.
struct StartingDaemonWait: Sendable {
    /// How long the client waits by default, over all the retries of one call.
    static let defaultPatience: Duration = .seconds(120)

    /// The longest the client waits in all for one call; zero fails at the first `503`.
    var patience: Duration
    /// Where the waits pass.
    var clock: any Clock<Duration>
    /// Hears one line when a call starts waiting.
    var notice: @Sendable (String) -> Void

    init(
        patience: Duration = defaultPatience,
        clock: any Clock<Duration> = ContinuousClock(),
        notice: @escaping @Sendable (String) -> Void = { StandardStreams.printError($0) }
    ) {
        self.patience = patience
        self.clock = clock
        self.notice = notice
    }

    /// ``patience`` spelt as the `--start-timeout` option takes it, such as `2m`.
    var patienceText: String {
        let (seconds, attoseconds) = patience.components
        return DurationArgument(milliseconds: seconds * 1_000 + attoseconds / 1_000_000_000_000_000).description
    }

    /// The wait before the next try after a `503` with `retryAfter` (whole seconds), once `waited` has passed: the
    /// daemon's `Retry-After` (at least a second), cut to the patience left; `nil` to give up, when the header is
    /// missing or not a number, or no patience is left.
    func delay(retryAfter: String?, waited: Duration) -> Duration? {
        guard let retryAfter, let seconds = Int(retryAfter.trimmingCharacters(in: .whitespaces)), seconds >= 0 else {
            return nil
        }
        let left = patience - waited
        guard left > .zero else { return nil }
        return min(.seconds(max(seconds, 1)), left)
    }
}
