import Foundation
import LocalAPIModels

/// Waits for a request to reach a final state by re-polling `GET /v1/messages/{id}?wait=30s`,
/// in a loop bounded by a timeout or, without one, by the request's own deadline.
struct MessageWaiter {
    /// Where the request is read.
    var fetcher: any MessageFetching
    /// How long each poll asks the daemon to hold its answer.
    var pollWait: Duration = .seconds(30)
    /// The least time between two polls, when the daemon answers at once with nothing new.
    var minimumInterval: Duration = .seconds(1)
    /// How long past the request's deadline to keep waiting for the daemon to expire it, when no
    /// timeout is given.
    var deadlineGrace: Duration = .seconds(60)
    /// Called with the request when it is first read and each time it changes. Without it the daemon is asked to
    /// answer only once the request is final: one call instead of one per step.
    var progress: ((MessageView) -> Void)?

    /// The request once its state is final. Starts from `current` when given (else reads it) and
    /// throws a `CLIError` with `timedOut` when `timeout`, counted from `start`, passes first; without a timeout,
    /// when the request's deadline and `deadlineGrace` have passed.
    func wait(
        for id: String,
        from current: MessageView? = nil,
        timeout: Duration?,
        since start: ContinuousClock.Instant = .now
    ) async throws -> MessageView {
        let clock = ContinuousClock()
        var message: MessageView
        if let current {
            message = current
        } else {
            message = try await fetcher.message(id: id, wait: nil, untilFinal: false)
        }
        progress?(message)
        let untilDeadline = Duration.seconds(message.deadline.timeIntervalSinceNow) + deadlineGrace
        let limit = timeout.map { start + $0 } ?? clock.now + untilDeadline
        while !message.state.isTerminal {
            let remaining = limit - clock.now
            guard remaining > .zero else {
                throw timedOut(message, timeout: timeout)
            }
            let asked = clock.now
            let next = try await fetcher.message(id: id, wait: min(pollWait, remaining), untilFinal: progress == nil)
            if next != message {
                progress?(next)
            } else if clock.now - asked < minimumInterval {
                try await clock.sleep(until: min(asked + minimumInterval, limit))
            }
            message = next
        }
        return message
    }

    /// The error for a request still not final when the wait ends.
    func timedOut(_ message: MessageView, timeout: Duration?) -> CLIError {
        let limit =
            if let timeout {
                "after \(DurationArgument(milliseconds: timeout.milliseconds))"
            } else {
                "past its deadline \(HumanFormat.date(message.deadline))"
            }
        return CLIError(
            "timed out \(limit) waiting for request \(message.id), which is still \(message.state.rawValue)",
            exitStatus: .timedOut
        )
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded down.
    fileprivate var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
    }
}
