import ArgumentParser

/// Runs a command's work with the process's one API client, and reports its failure.
enum ClientSession {
    /// Runs `body` with a client on the socket `options` name, shuts the client down whatever
    /// happens, and turns a `ReportableError` into its line on standard error and its exit status.
    static func run(_ options: GlobalOptions, _ body: (APIClient) async throws -> Void) async throws {
        let client = APIClient(socketPath: options.socketPath(), startingWait: options.startingWait)
        let failure: (any Error)?
        do {
            try await body(client)
            failure = nil
        } catch {
            failure = error
        }
        // A client that cannot shut down cleanly changes nothing for the answer already printed.
        try? await client.shutdown()
        if let failure {
            throw report(failure)
        }
    }

    /// Prints a `ReportableError` as `ucwa-bridge: <report>` and answers its exit status; other
    /// errors (ArgumentParser's own, such as `ExitCode`) pass through unchanged.
    static func report(_ error: any Error) -> any Error {
        guard let error = error as? any ReportableError else { return error }
        StandardStreams.printError(error.report)
        return error.exitStatus.exitCode
    }
}
