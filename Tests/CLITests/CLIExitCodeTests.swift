import ArgumentParser
import Foundation
import LocalAPIModels
import Testing

@testable import ucwa_bridge

@Suite struct CLIExitCodeTests {
    @Test(arguments: [
        (MessageState.delivered, Int32(0)),
        (.failed, 1),
        (.cancelled, 2),
        (.expired, 3),
    ])
    func finalStatesMapToTheirStatus(state: MessageState, status: Int32) throws {
        let code = try #require(CLIExitCode(finalState: state))
        #expect(code.rawValue == status)
        #expect(code.exitCode == ExitCode(status))
    }

    @Test(arguments: MessageState.allCases.filter { !$0.isTerminal })
    func statesThatMayStillChangeHaveNoStatus(state: MessageState) {
        #expect(CLIExitCode(finalState: state) == nil)
    }

    @Test func theStatusesFollowSysexitsAndAreDistinct() {
        #expect(CLIExitCode.usage.exitCode == ExitCode.validationFailure)
        #expect(CLIExitCode.refused.rawValue == 65)
        #expect(CLIExitCode.unavailable.rawValue == 69)
        #expect(CLIExitCode.daemonError.rawValue == 75)
        #expect(CLIExitCode.timedOut.rawValue == 124)
        #expect(Set(CLIExitCode.allCases.map(\.rawValue)).count == CLIExitCode.allCases.count)
    }

    @Test func helpListsEveryStatusAndTheExamples() {
        let help = UCWABridge.helpMessage(columns: 200)
        for code in CLIExitCode.allCases {
            let listed = help.split(separator: "\n").contains { line in
                line.trimmingCharacters(in: .whitespaces).hasPrefix("\(code.rawValue) ") && line.hasSuffix(code.summary)
            }
            #expect(listed, "status \(code.rawValue) missing from --help")
        }
        for example in ["send --with sip:", "list --state failed", "--wait", "status ", "curl --unix-socket", " -\n"] {
            #expect(help.contains(example), "example \(example) missing from --help")
        }
    }
}
