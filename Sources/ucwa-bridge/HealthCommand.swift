import ArgumentParser

/// `ucwa-bridge health`: shows the event channel, the UCWA application and the queue.
struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Show the daemon's event channel, UCWA application and queue."
    )

    @OptionGroup var options: GlobalOptions
    @ParentCommand var root: UCWABridge

    /// The options given after the subcommand, else those given before it.
    var global: GlobalOptions { options.merged(over: root.global) }

    func run() async throws {
        try await ClientSession.run(global) { client in
            let health = try await client.health()
            try global.output.show(health) { HealthPresenter.render(health) }
        }
    }
}
