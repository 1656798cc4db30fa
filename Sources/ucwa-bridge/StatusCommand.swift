import ArgumentParser

/// `ucwa-bridge status ID`: shows one request as it is now.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show one request: its state, attempts and failure."
    )

    @OptionGroup var options: GlobalOptions
    @ParentCommand var root: UCWABridge

    /// The options given after the subcommand, else those given before it.
    var global: GlobalOptions { options.merged(over: root.global) }

    @Argument(help: "The request's id, as send printed it.")
    var id: String

    func run() async throws {
        try await ClientSession.run(global) { client in
            let message = try await client.message(id: id, wait: nil)
            try global.output.show(message) { MessagePresenter.detail(message) }
        }
    }
}
