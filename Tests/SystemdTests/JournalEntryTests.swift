import Testing

@testable import Systemd

@Suite struct JournalEntryTests {
    private let location = JournalEntry.SourceLocation(
        file: "Bridge/Dispatcher.swift",
        line: 428,
        function: "transition(_:to:_:)"
    )

    @Test("the standard fields come first, in a fixed order, then context and metadata")
    func fieldOrder() throws {
        let entry = JournalEntry(
            message: "request delivered",
            priority: .informational,
            identifier: "ucwa-bridged",
            messageID: try #require(JournalMessageID("8ca3ec01606c4980b51a04688fd0d98f")),
            location: location,
            context: [JournalField("LOGGER", "ucwa-bridged")],
            metadata: [("attempt", "1"), ("operation-id", "op-1"), ("request-id", "01J")]
        )
        #expect(
            entry.fields.map(\.description) == [
                "MESSAGE=request delivered",
                "PRIORITY=6",
                "SYSLOG_IDENTIFIER=ucwa-bridged",
                "MESSAGE_ID=8ca3ec01606c4980b51a04688fd0d98f",
                "CODE_FILE=Bridge/Dispatcher.swift",
                "CODE_LINE=428",
                "CODE_FUNC=transition(_:to:_:)",
                "LOGGER=ucwa-bridged",
                "ATTEMPT=1",
                "OPERATION_ID=op-1",
                "REQUEST_ID=01J",
            ]
        )
    }

    @Test("without a message id or a location, those fields are left out")
    func optionalFields() {
        let entry = JournalEntry(message: "ready", priority: .notice, identifier: "x")
        #expect(entry.fields.map(\.description) == ["MESSAGE=ready", "PRIORITY=5", "SYSLOG_IDENTIFIER=x"])
    }

    @Test("metadata can neither replace a standard or context field nor be dropped")
    func metadataNeverOverwrites() {
        let entry = JournalEntry(
            message: "real message",
            priority: .warning,
            identifier: "ucwa-bridged",
            location: location,
            context: [JournalField("LOGGER", "label")],
            metadata: [
                ("message", "fake"), ("priority", "0"), ("code-file", "x.swift"), ("logger", "other"),
                ("message-id", "00000000000000000000000000000000"), ("request-id", "a"), ("requestId", "b"),
            ]
        )
        let fields = entry.fields
        #expect(fields.filter { $0.name == .message }.map(\.value) == ["real message"])
        #expect(fields.filter { $0.name == .priority }.map(\.value) == ["4"])
        #expect(fields.filter { $0.name == .codeFile }.map(\.value) == ["Bridge/Dispatcher.swift"])
        #expect(fields.filter { $0.name == .messageID }.isEmpty)
        #expect(fields.filter { $0.name.rawValue == "LOGGER" }.map(\.value) == ["label"])
        #expect(fields.first { $0.name.rawValue == "META_MESSAGE" }?.value == "fake")
        #expect(fields.first { $0.name.rawValue == "META_PRIORITY" }?.value == "0")
        #expect(fields.first { $0.name.rawValue == "META_CODE_FILE" }?.value == "x.swift")
        #expect(fields.first { $0.name.rawValue == "META_LOGGER" }?.value == "other")
        #expect(fields.first { $0.name.rawValue == "META_MESSAGE_ID" } != nil)
        // Two keys with one name: both values are sent (journald keeps repeated fields).
        #expect(fields.filter { $0.name.rawValue == "REQUEST_ID" }.map(\.value) == ["a", "b"])
        #expect(fields.count == 6 + 1 + 7)
    }

    @Test("values keep line breaks and other characters; the assignment is NAME=value")
    func valuesAreKept() {
        let field = JournalField("ERROR", "line one\nline two\t=\u{0}")
        #expect(field.assignment == Array("ERROR=line one\nline two\t=\u{0}".utf8))
    }

    @Test("priorities are syslog's severities")
    func priorities() {
        #expect(JournalPriority.allCases.map(\.fieldValue) == ["0", "1", "2", "3", "4", "5", "6", "7"])
        #expect(JournalPriority.error < JournalPriority.warning)
    }

    @Test("message ids are 32 hexadecimal digits, kept in lower case")
    func messageIDs() {
        #expect(JournalMessageID("9015060F66514D03A17988926798880C")?.rawValue == "9015060f66514d03a17988926798880c")
        #expect(JournalMessageID("9015060f66514d03a17988926798880") == nil)
        #expect(JournalMessageID("9015060f-6651-4d03-a179-88926798880c") == nil)
        #expect(JournalMessageID("9015060f66514d03a17988926798880g") == nil)
    }
}
