import ArgumentParser
import Foundation
import LocalAPIModels

/// `ucwa-bridge send`: queues a message on a conversation log, optionally waiting for the outcome.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Queue a message that continues a conversation.",
        discussion: """
            Name the conversation with exactly one of --conversation-log (its href) or --with (the \
            newest conversation log that has that participant). Without --wait the command ends \
            once the daemon has accepted the request; with --wait it ends when the request is \
            delivered, failed, cancelled or expired, and its exit status says which.
            """
    )

    @OptionGroup var options: GlobalOptions
    @ParentCommand var root: UCWABridge

    /// The options given after the subcommand, else those given before it.
    var global: GlobalOptions { options.merged(over: root.global) }

    @Argument(help: "The message text; read from standard input when absent or '-'.")
    var message: String?

    @Option(
        name: .customLong("conversation-log"),
        help: ArgumentHelp("The href of the conversation log to continue.", valueName: "href")
    )
    var conversationLog: String?

    @Option(
        name: .customLong("with"),
        help: ArgumentHelp(
            "Continue the newest conversation log that has this participant.",
            valueName: "sip:user@example.com"
        )
    )
    var participant: String?

    @Flag(help: "Send the message as text/html instead of text/plain.")
    var html = false

    @Option(help: "The operationId of the first attempt (at most 50 characters of [A-Za-z0-9._-]).")
    var operationId: String?

    @Option(help: "Return the earlier request with this key instead of queueing a new one.")
    var idempotencyKey: String?

    @Option(
        help: ArgumentHelp("Give up after this long, such as 30m (default: the daemon's).", valueName: "duration"),
        transform: DurationArgument.parse
    )
    var deadline: DurationArgument?

    @Flag(help: "Wait until the request is delivered, failed, cancelled or expired.")
    var wait = false

    @Option(
        help: ArgumentHelp(
            "With --wait, stop waiting after this long (default: the request's deadline).",
            valueName: "duration"
        ),
        transform: DurationArgument.parse
    )
    var timeout: DurationArgument?

    func validate() throws {
        switch (conversationLog, participant) {
        case (.some, .some):
            throw ValidationError("Give either --conversation-log or --with, not both.")
        case (nil, nil):
            throw ValidationError("Name the conversation with --conversation-log <href> or --with <sip-uri>.")
        case (let href?, nil) where href.trimmingCharacters(in: .whitespaces).isEmpty:
            throw ValidationError("--conversation-log needs the href of a conversation log.")
        case (nil, let participant?) where SIPAddress(participant) == nil:
            throw ValidationError("--with needs a SIP address such as sip:user@example.com.")
        default:
            break
        }
        if timeout != nil && !wait {
            throw ValidationError("--timeout only applies with --wait.")
        }
    }

    /// The content type the message is sent as.
    var contentType: String {
        html ? "text/html" : "text/plain"
    }

    /// The body of `POST /v1/messages` for `text` on `conversationLog`, with the deadline counted
    /// from `now`.
    func submission(conversationLog: String, text: String, now: Date) -> MessageSubmission {
        MessageSubmission(
            conversationLog: conversationLog,
            message: text,
            contentType: contentType,
            operationId: operationId,
            idempotencyKey: idempotencyKey,
            deadline: deadline.map { now.addingTimeInterval(Double($0.milliseconds) / 1_000) }
        )
    }

    func run() async throws {
        try await ClientSession.run(global) { client in
            let text = try MessageInput.resolve(message)
            let href = try await conversationLogHref(client)
            let waiter = WaitCommand.waiter(client)
            let started = ContinuousClock.now
            let submitted = try await client.submit(
                submission(conversationLog: href, text: text, now: Date()),
                waitUntilFinal: heldWait(waiter)
            )
            if !submitted.isNew {
                StandardStreams.printError(
                    "idempotency key already used; this is the earlier request \(submitted.message.id)"
                )
            }
            guard wait else {
                try global.output.show(submitted.message) { MessagePresenter.detail(submitted.message) }
                return
            }
            let final = try await waiter.wait(
                for: submitted.message.id,
                from: submitted.message,
                timeout: timeout?.duration,
                since: started
            )
            try MessageOutcome.finish(final, output: global.output)
        }
    }

    /// How long the submission itself may be held for the outcome: with `--wait` when nobody watches the steps (one
    /// call instead of two), at most `--timeout`; `nil` otherwise.
    private func heldWait(_ waiter: MessageWaiter) -> Duration? {
        guard wait, waiter.progress == nil else { return nil }
        return min(waiter.pollWait, timeout?.duration ?? waiter.pollWait)
    }

    /// The href given with `--conversation-log`, or the newest log with the `--with` participant.
    private func conversationLogHref(_ client: APIClient) async throws -> String {
        if let conversationLog {
            return conversationLog
        }
        guard let participant, let address = SIPAddress(participant) else {
            throw ValidationError("Name the conversation with --conversation-log <href> or --with <sip-uri>.")
        }
        let logs = try await client.conversationLogs().conversationLogs
        return try ConversationPicker.require(in: logs, with: address).href
    }
}
