/// An error that the client reports as one line on standard error and ends with a given status.
protocol ReportableError: Error {
    /// The line printed after `ucwa-bridge: `.
    var report: String { get }
    /// The status the process exits with.
    var exitStatus: CLIExitCode { get }
}
