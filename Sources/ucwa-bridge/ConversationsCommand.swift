import ArgumentParser
import LocalAPIModels

/// `ucwa-bridge conversations`: lists the account's conversation logs, newest first.
struct ConversationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conversations",
        abstract: "List conversation logs, newest first: subject, participants, time and href."
    )

    @OptionGroup var options: GlobalOptions
    @ParentCommand var root: UCWABridge

    /// The options given after the subcommand, else those given before it.
    var global: GlobalOptions { options.merged(over: root.global) }

    @Option(
        name: .customLong("with"),
        help: ArgumentHelp("Only conversation logs that have this participant.", valueName: "sip:user@example.com")
    )
    var participant: String?

    func validate() throws {
        if let participant, SIPAddress(participant) == nil {
            throw ValidationError("--with needs a SIP address such as sip:user@example.com.")
        }
    }

    func run() async throws {
        try await ClientSession.run(global) { client in
            var list = try await client.conversationLogs()
            if let participant, let address = SIPAddress(participant) {
                list.conversationLogs = ConversationPicker.logs(in: list.conversationLogs, with: address)
            }
            let logs = list.conversationLogs
            try global.output.show(list) { ConversationLogPresenter.render(logs) }
        }
    }
}
