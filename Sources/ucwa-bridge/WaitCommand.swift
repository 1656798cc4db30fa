import ArgumentParser

/// `ucwa-bridge wait ID`: blocks until a request's state is final; the exit status says which.
struct WaitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wait",
        abstract: "Wait until a request is delivered, failed, cancelled or expired.",
        discussion: """
            Prints the request when it is final and exits with its status (0 delivered, 1 failed, \
            2 cancelled, 3 expired, 124 timed out). Progress lines go to standard error when it \
            is a terminal.
            """
    )

    @OptionGroup var options: GlobalOptions
    @ParentCommand var root: UCWABridge

    /// The options given after the subcommand, else those given before it.
    var global: GlobalOptions { options.merged(over: root.global) }

    @Argument(help: "The request's id, as send printed it.")
    var id: String

    @Option(
        help: ArgumentHelp(
            "Stop waiting after this long, such as 10m (default: the request's deadline).",
            valueName: "duration"
        ),
        transform: DurationArgument.parse
    )
    var timeout: DurationArgument?

    func run() async throws {
        try await ClientSession.run(global) { client in
            let final = try await Self.waiter(client).wait(for: id, timeout: timeout?.duration)
            try MessageOutcome.finish(final, output: global.output)
        }
    }

    /// A waiter on `client` that prints progress lines on standard error when a person watches it.
    static func waiter(_ client: APIClient) -> MessageWaiter {
        var waiter = MessageWaiter(fetcher: client)
        if StandardStreams.errorIsTerminal {
            waiter.progress = { StandardStreams.printError(MessagePresenter.progress($0)) }
        }
        return waiter
    }
}
