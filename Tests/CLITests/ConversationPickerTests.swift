import LocalAPIModels
import Testing

@testable import ucwa_bridge

@Suite struct ConversationPickerTests {
    let jane = SIPAddress("sip:jane@example.com")

    @Test func picksTheNewestLogWithTheParticipant() throws {
        let logs = [
            Fixtures.log("/cl/bob-newest", created: Fixtures.date(300), sipUris: ["sip:bob@example.com"]),
            Fixtures.log("/cl/jane-old", created: Fixtures.date(100), sipUris: ["sip:jane@example.com"]),
            Fixtures.log(
                "/cl/jane-new",
                created: Fixtures.date(200),
                sipUris: ["sip:bob@example.com", "sip:jane@example.com"]
            ),
        ]
        let address = try #require(jane)
        #expect(ConversationPicker.newest(in: logs, with: address)?.href == "/cl/jane-new")
        #expect(ConversationPicker.logs(in: logs, with: address).map(\.href) == ["/cl/jane-new", "/cl/jane-old"])
    }

    @Test(arguments: ["sip:jane@example.com", "SIP:Jane@Example.COM", "jane@example.com", "  Jane@EXAMPLE.com "])
    func comparesSIPAddressesIgnoringCaseAndScheme(given: String) throws {
        let logs = [Fixtures.log("/cl/1", created: Fixtures.date(), sipUris: ["sip:JANE@example.com"])]
        let address = try #require(SIPAddress(given))
        #expect(ConversationPicker.newest(in: logs, with: address)?.href == "/cl/1")
    }

    @Test func answersNothingWhenNoLogHasTheParticipant() throws {
        let logs = [
            Fixtures.log("/cl/1", created: Fixtures.date(), sipUris: ["sip:bob@example.com", nil]),
            Fixtures.log("/cl/2", created: nil, sipUris: []),
        ]
        let address = try #require(jane)
        #expect(ConversationPicker.newest(in: logs, with: address) == nil)
        #expect(ConversationPicker.newest(in: [], with: address) == nil)
    }

    @Test func requireExplainsAMissingParticipantAsARefusal() throws {
        let logs = [Fixtures.log("/cl/1", created: Fixtures.date(), sipUris: ["sip:bob@example.com"])]
        let address = try #require(jane)
        #expect {
            try ConversationPicker.require(in: logs, with: address)
        } throws: { error in
            guard let error = error as? CLIError else { return false }
            return error.exitStatus == .refused && error.report.contains("sip:jane@example.com")
        }
    }

    @Test func keepsTheAPIOrderWhenTimesAreMissingOrEqual() throws {
        let logs = [
            Fixtures.log("/cl/undated", created: nil, sipUris: ["sip:jane@example.com"]),
            Fixtures.log("/cl/first", created: Fixtures.date(), sipUris: ["sip:jane@example.com"]),
            Fixtures.log("/cl/second", created: Fixtures.date(), sipUris: ["sip:jane@example.com"]),
        ]
        let address = try #require(jane)
        #expect(
            ConversationPicker.logs(in: logs, with: address).map(\.href) == ["/cl/first", "/cl/second", "/cl/undated"]
        )
    }

    @Test(arguments: ["", "sip:", "  ", "SIP:"])
    func refusesEmptyAddresses(text: String) {
        #expect(SIPAddress(text) == nil)
    }
}
