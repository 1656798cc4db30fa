import ArgumentParser
import LocalAPIModels

/// `ucwa-bridge list`: shows requests, oldest first, one page or all of them.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List requests, oldest first, optionally only those in one state."
    )

    /// The most pages `--all` follows, so that a daemon that never ends its cursor chain cannot
    /// keep the client busy for ever.
    static let maximumPages = 10_000

    @OptionGroup var options: GlobalOptions
    @ParentCommand var root: UCWABridge

    /// The options given after the subcommand, else those given before it.
    var global: GlobalOptions { options.merged(over: root.global) }

    @Option(help: "Only requests in this state.")
    var state: MessageState?

    @Option(help: "At most this many requests per page (default: the daemon's).")
    var limit: Int?

    @Option(help: ArgumentHelp("Start after this cursor, from a previous page's next.", valueName: "cursor"))
    var after: String?

    @Flag(help: "Follow the pages to the last one.")
    var all = false

    func validate() throws {
        if let limit, limit < 1 {
            throw ValidationError("--limit must be at least 1.")
        }
    }

    func run() async throws {
        try await ClientSession.run(global) { client in
            let list: MessageList
            if all {
                list = try await Self.allPages(from: after) { cursor in
                    try await client.messages(state: state, after: cursor, limit: limit)
                }
            } else {
                list = try await client.messages(state: state, after: after, limit: limit)
            }
            try global.output.show(list) { MessagePresenter.list(list.messages) }
            if !global.json, let next = list.next {
                StandardStreams.printError("more requests follow; see them with --after \(next) or --all")
            }
        }
    }

    /// Every page from `cursor` on, as one list without a next cursor. Stops with an error when
    /// the daemon repeats a cursor or the pages exceed `maximumPages`.
    static func allPages(
        from cursor: String?,
        fetch: (String?) async throws -> MessageList
    ) async throws -> MessageList {
        var messages: [MessageView] = []
        var cursor = cursor
        var seen: Set<String> = []
        for _ in 0..<maximumPages {
            let page = try await fetch(cursor)
            messages += page.messages
            guard let next = page.next else {
                return MessageList(messages: messages, next: nil)
            }
            guard seen.insert(next).inserted else {
                throw CLIError("the daemon repeated the page cursor \(next)", exitStatus: .daemonError)
            }
            cursor = next
        }
        throw CLIError("gave up after \(maximumPages) pages of requests", exitStatus: .daemonError)
    }
}
