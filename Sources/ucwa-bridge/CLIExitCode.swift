import ArgumentParser
import LocalAPIModels

/// Every exit status of `ucwa-bridge`, in one place. The values follow `sysexits.h` where a
/// matching code exists, so that shell scripts and service managers read them the usual way.
enum CLIExitCode: Int32, CaseIterable, Sendable {
    /// The request was delivered, or a command other than `send --wait` / `wait` succeeded.
    case success = 0
    /// The request ended `failed`: UCWA refused it or the retries ran out.
    case failed = 1
    /// The request ended `cancelled`.
    case cancelled = 2
    /// The request ended `expired`: its deadline passed before it was delivered.
    case expired = 3
    /// The command line was wrong (`EX_USAGE`, the status ArgumentParser uses for validation).
    case usage = 64
    /// The API refused the request with a 4xx answer, or nothing matched `--with` (`EX_DATAERR`).
    case refused = 65
    /// The daemon could not be reached: the socket is missing, refuses connections, or hangs up
    /// (`EX_UNAVAILABLE`).
    case unavailable = 69
    /// The daemon answered with a 5xx error or an unreadable body (`EX_TEMPFAIL`: try again later).
    case daemonError = 75
    /// The request did not reach a final state before `--timeout` (or its deadline) ran out.
    case timedOut = 124

    /// The status that a request's final state exits with; `nil` while the request may still change.
    init?(finalState state: MessageState) {
        switch state {
        case .delivered: self = .success
        case .failed: self = .failed
        case .cancelled: self = .cancelled
        case .expired: self = .expired
        case .accepted, .dispatching, .awaitingEvents, .started, .retryScheduled: return nil
        }
    }

    /// The same status as ArgumentParser's `ExitCode`, to throw from `run()`.
    var exitCode: ExitCode {
        ExitCode(rawValue)
    }

    /// One line of `--help`: what the status means.
    var summary: String {
        switch self {
        case .success: "delivered (send --wait, wait), accepted (send), or the command succeeded"
        case .failed: "the request failed (UCWA refused it or the retries ran out)"
        case .cancelled: "the request was cancelled"
        case .expired: "the request expired: its deadline passed before delivery"
        case .usage: "usage error: the command line is wrong"
        case .refused: "the API refused the request (4xx), or nothing matches --with"
        case .unavailable: "the daemon is unreachable (socket missing or refusing connections)"
        case .daemonError: "the daemon reported an error of its own (5xx); try again later"
        case .timedOut: "timed out waiting for a final state"
        }
    }
}
