/// A failure found by the client itself rather than answered by the daemon: no conversation log
/// with the participant, an unreadable message on standard input, a wait that timed out.
struct CLIError: ReportableError, Equatable, CustomStringConvertible {
    var report: String
    var exitStatus: CLIExitCode

    init(_ report: String, exitStatus: CLIExitCode) {
        self.report = report
        self.exitStatus = exitStatus
    }

    var description: String {
        report
    }
}
