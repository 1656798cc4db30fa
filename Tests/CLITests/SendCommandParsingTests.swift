import ArgumentParser
import Foundation
import Testing

@testable import ucwa_bridge

@Suite struct SendCommandParsingTests {
    private func parseSend(_ arguments: [String]) throws -> SendCommand {
        let command = try UCWABridge.parseAsRoot(["send"] + arguments)
        return try #require(command as? SendCommand)
    }

    /// The usage error the root command reports for `arguments`, and its message.
    private func usageError(_ arguments: [String]) -> (ExitCode, String)? {
        do {
            _ = try UCWABridge.parseAsRoot(["send"] + arguments)
            return nil
        } catch {
            return (UCWABridge.exitCode(for: error), UCWABridge.message(for: error))
        }
    }

    @Test func bothConversationOptionsAreAUsageError() throws {
        let (code, message) = try #require(
            usageError(["--with", "sip:a@example.com", "--conversation-log", "/cl/1", "hi"])
        )
        #expect(code == .validationFailure)
        #expect(code.rawValue == CLIExitCode.usage.rawValue)
        #expect(message.contains("not both"))
    }

    @Test func neitherConversationOptionIsAUsageError() throws {
        let (code, message) = try #require(usageError(["hi"]))
        #expect(code == .validationFailure)
        #expect(message.contains("--conversation-log"))
        #expect(message.contains("--with"))
    }

    @Test(arguments: [
        ["--with", "sip:", "hi"],
        ["--conversation-log", " ", "hi"],
        ["--with", "sip:a@example.com", "--timeout", "1m", "hi"],
        ["--with", "sip:a@example.com", "--deadline", "soon", "hi"],
        ["--with", "sip:a@example.com", "--deadline", "0s", "hi"],
    ])
    func otherWrongCommandLinesAreUsageErrors(arguments: [String]) throws {
        let (code, _) = try #require(usageError(arguments))
        #expect(code == .validationFailure)
    }

    @Test func htmlSetsTheContentType() throws {
        let html = try parseSend(["--conversation-log", "/cl/1", "--html", "<b>hi</b>"])
        #expect(html.contentType == "text/html")
        #expect(html.submission(conversationLog: "/cl/1", text: "<b>hi</b>", now: Date()).contentType == "text/html")
        let plain = try parseSend(["--conversation-log", "/cl/1", "hi"])
        #expect(plain.contentType == "text/plain")
    }

    @Test func buildsTheSubmissionFromTheOptions() throws {
        let send = try parseSend([
            "--with", "sip:jane@example.com", "--operation-id", "op-1", "--idempotency-key", "k1",
            "--deadline", "30m", "--wait", "--timeout", "10m", "--socket", "/tmp/x.sock", "--json", "hello",
        ])
        #expect(send.participant == "sip:jane@example.com")
        #expect(send.message == "hello")
        #expect(send.wait)
        #expect(send.timeout?.duration == .seconds(600))
        #expect(send.global.socket == "/tmp/x.sock")
        #expect(send.global.json)
        let now = Fixtures.date()
        let submission = send.submission(conversationLog: "/cl/9", text: "hello", now: now)
        #expect(submission.conversationLog == "/cl/9")
        #expect(submission.message == "hello")
        #expect(submission.operationId == "op-1")
        #expect(submission.idempotencyKey == "k1")
        #expect(submission.deadline == now.addingTimeInterval(1_800))
    }

    @Test func withoutDeadlineTheDaemonsDefaultApplies() throws {
        let send = try parseSend(["--conversation-log", "/cl/1", "hi"])
        #expect(send.submission(conversationLog: "/cl/1", text: "hi", now: Date()).deadline == nil)
    }

    @Test(arguments: [["--conversation-log", "/cl/1"], ["--conversation-log", "/cl/1", "-"]])
    func anAbsentMessageOrADashMeansStandardInput(arguments: [String]) throws {
        let send = try parseSend(arguments)
        let text = try MessageInput.resolve(send.message) { Data("from stdin\n".utf8) }
        #expect(text == "from stdin")
    }

    @Test func everySubcommandTakesTheGlobalOptions() throws {
        let commands: [[String]] = [
            ["status", "r1"], ["wait", "r1", "--timeout", "10m"],
            ["list", "--state", "failed", "--limit", "5", "--all"],
            ["cancel", "r1"], ["health"], ["conversations", "--with", "sip:a@example.com"],
        ]
        for arguments in commands {
            let command = try UCWABridge.parseAsRoot(arguments + ["--socket", "/tmp/s.sock", "--json"])
            let global: GlobalOptions? =
                switch command {
                case let command as StatusCommand: command.global
                case let command as WaitCommand: command.global
                case let command as ListCommand: command.global
                case let command as CancelCommand: command.global
                case let command as HealthCommand: command.global
                case let command as ConversationsCommand: command.global
                default: nil
                }
            #expect(global?.socket == "/tmp/s.sock", "\(arguments)")
            #expect(global?.json == true, "\(arguments)")
        }
    }

    @Test func listRefusesANonPositiveLimitAndUnknownStates() {
        #expect(throws: (any Error).self) { try UCWABridge.parseAsRoot(["list", "--limit", "0"]) }
        #expect(throws: (any Error).self) { try UCWABridge.parseAsRoot(["list", "--state", "done"]) }
    }
}
