import ArgumentParser

/// The command-line client of the ucwa-bridge daemon: queues messages over the daemon's local API
/// socket and reports what became of them.
@main
struct UCWABridge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ucwa-bridge",
        abstract: "Queue Skype for Business messages with the ucwa-bridged daemon and see what became of them.",
        discussion: discussion,
        subcommands: [
            SendCommand.self, StatusCommand.self, WaitCommand.self, ListCommand.self, CancelCommand.self,
            HealthCommand.self, ConversationsCommand.self,
        ]
    )

    /// `--socket` and `--json` given before the subcommand (`ucwa-bridge --socket PATH send ...`).
    @OptionGroup var global: GlobalOptions

    /// The text after the usage in `--help`: the socket, the exit statuses and examples.
    static let discussion = """
        Every command talks to the daemon over its Unix socket: --socket, else \
        $\(GlobalOptions.socketEnvironmentVariable), else \(GlobalOptions.defaultSocketPath). Answers \
        are printed as tables; --json prints the API's JSON instead, for scripts.

        EXIT STATUS
        \(exitStatusLines)

        EXAMPLES
          Continue the newest conversation with someone:
            ucwa-bridge send --with sip:jane@example.com "The nightly build is green."
          Send what a program prints (standard input, when the message is absent or -):
            df -h / | ucwa-bridge send --with sip:ops@example.com -
          Send and wait for delivery; the exit status tells the outcome:
            LOG=/ucwa/oauth/v1/applications/105/communication/conversationLogs/x1
            ucwa-bridge send --conversation-log "$LOG" --deadline 30m --wait \\
              "Deploy finished"
          Look at one request, or wait for it:
            ucwa-bridge status 01JD3Q8Z5W4K7N2M9P6R1T0V8X
            ucwa-bridge wait 01JD3Q8Z5W4K7N2M9P6R1T0V8X --timeout 10m
          List the requests that failed:
            ucwa-bridge list --state failed
          The same with curl:
            curl --unix-socket \(GlobalOptions.defaultSocketPath) \\
              'http://localhost/v1/messages?state=failed'
        """

    /// One line per exit status, such as `  65   the API refused the request (4xx), ...`.
    static var exitStatusLines: String {
        CLIExitCode.allCases.map { code in
            let number = String(code.rawValue)
            return "  " + number + String(repeating: " ", count: max(1, 5 - number.count)) + code.summary
        }
        .joined(separator: "\n")
    }
}
