import Foundation

/// Runs `ucwa-bridge` against a socket and captures what it printed and how it ended.
struct CLIRunner: Sendable {
    /// One run of the client.
    struct Result: Sendable, CustomStringConvertible {
        var arguments: [String]
        var termination: ChildProcess.Termination
        var standardOutput: String
        var standardError: String

        /// The exit status; -1 when a signal ended the client.
        var exitCode: Int32 {
            if case .exited(let status) = termination { return status }
            return -1
        }

        var description: String {
            "ucwa-bridge \(arguments.joined(separator: " ")) -> \(termination)\n"
                + "stdout: \(standardOutput)\nstderr: \(standardError)"
        }
    }

    let executables: Executables
    /// The daemon's socket, passed as `--socket` after the subcommand.
    let socketPath: String

    /// Runs `ucwa-bridge <subcommand> --socket PATH <arguments...>`, bounded by `timeout` (the client is killed
    /// and the call fails past it).
    func run(_ subcommand: String, _ arguments: [String] = [], timeout: Duration = .seconds(120)) async throws
        -> Result
    {
        let all = [subcommand, "--socket", socketPath] + arguments
        let process = try ChildProcess(name: "ucwa-bridge", executable: executables.client, arguments: all)
        let termination: ChildProcess.Termination
        do {
            termination = try await process.waitForExit(timeout: timeout)
        } catch {
            await process.stop(grace: .seconds(2))
            throw IntegrationError(
                "ucwa-bridge \(all.joined(separator: " ")) did not end within \(timeout); "
                    + "stdout: \(process.standardOutput.text)\nstderr: \(process.standardError.text)"
            )
        }
        // The pipes close when the client ends; the readers need a moment to see end of file.
        let output = await process.standardOutput.complete(timeout: .seconds(10)) ?? process.standardOutput.text
        let error = await process.standardError.complete(timeout: .seconds(10)) ?? process.standardError.text
        return Result(arguments: all, termination: termination, standardOutput: output, standardError: error)
    }
}
