import ArgumentParser

/// `ucwa-bridge cancel ID`: cancels a request that has not been dispatched yet.
struct CancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel a request that has not been dispatched yet.",
        discussion: "A request already handed to UCWA cannot be cancelled; the daemon answers conflict (exit 65)."
    )

    @OptionGroup var options: GlobalOptions
    @ParentCommand var root: UCWABridge

    /// The options given after the subcommand, else those given before it.
    var global: GlobalOptions { options.merged(over: root.global) }

    @Argument(help: "The request's id, as send printed it.")
    var id: String

    func run() async throws {
        try await ClientSession.run(global) { client in
            let message = try await client.cancel(id: id)
            try global.output.show(message) { MessagePresenter.detail(message) }
        }
    }
}
