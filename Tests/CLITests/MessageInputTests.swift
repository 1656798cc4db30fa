import Foundation
import Testing

@testable import ucwa_bridge

@Suite struct MessageInputTests {
    @Test func anArgumentIsUsedAsItIs() throws {
        let text = try MessageInput.resolve("  hi\n") {
            Issue.record("standard input was read"); return Data()
        }
        #expect(text == "  hi\n")
    }

    @Test func standardInputLosesOnlyItsFinalLineBreaks() throws {
        #expect(try MessageInput.fromStandardInput(Data("line 1\n\nline 2\r\n\n".utf8)) == "line 1\n\nline 2")
        #expect(try MessageInput.fromStandardInput(Data("  indented  ".utf8)) == "  indented  ")
    }

    @Test func anEmptyMessageIsAUsageError() {
        #expect(throws: CLIError("the message is empty", exitStatus: .usage)) {
            try MessageInput.resolve(nil) { Data("\n".utf8) }
        }
        #expect(throws: CLIError("the message is empty", exitStatus: .usage)) {
            try MessageInput.resolve("") { Data() }
        }
    }

    @Test func standardInputMustBeUTF8() {
        #expect {
            try MessageInput.resolve("-") { Data([0xFF, 0xFE, 0x41]) }
        } throws: { error in
            (error as? CLIError)?.exitStatus == .usage
        }
    }
}
