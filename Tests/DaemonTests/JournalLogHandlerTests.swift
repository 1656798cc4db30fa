import Logging
import Synchronization
import Systemd
import Testing

@testable import Daemon

/// What a log call becomes in the journal: the handler's fields, recorded instead of sent.
@Suite struct JournalLogHandlerTests {
    /// The entries a handler tried to send.
    final class SentEntries: Sendable {
        private let entries = Mutex<[[JournalField]]>([])
        let failure: SystemdError?

        init(failing failure: SystemdError? = nil) {
            self.failure = failure
        }

        var all: [[JournalField]] { entries.withLock { $0 } }

        func send(_ fields: [JournalField]) throws(SystemdError) {
            entries.withLock { $0.append(fields) }
            if let failure { throw failure }
        }
    }

    /// Text written to the fallback stream.
    final class WrittenText: Sendable {
        private let text = Mutex("")
        var value: String { text.withLock { $0 } }
        func write(_ string: String) { text.withLock { $0 += string } }
    }

    struct Stream: TextOutputStream, Sendable {
        let target: WrittenText
        mutating func write(_ string: String) { target.write(string) }
    }

    private func logger(
        _ sent: SentEntries,
        fallback: WrittenText = WrittenText(),
        provider: Logger.MetadataProvider? = nil
    ) -> Logger {
        var logger = Logger(label: "ucwa-bridged") { label in
            JournalLogHandler(
                label: label,
                identifier: "ucwa-bridged",
                metadataProvider: provider,
                send: { fields throws(SystemdError) in try sent.send(fields) },
                fallback: StreamLogHandler(label: label, stream: Stream(target: fallback), metadataProvider: nil)
            )
        }
        logger.logLevel = .trace
        return logger
    }

    private func values(_ fields: [JournalField]) -> [String: [String]] {
        Dictionary(grouping: fields, by: \.name.rawValue).mapValues { $0.map(\.value) }
    }

    @Test(
        "swift-log levels map to syslog priorities",
        arguments: [
            (Logger.Level.trace, JournalPriority.debug), (.debug, .debug), (.info, .informational),
            (.notice, .notice), (.warning, .warning), (.error, .error), (.critical, .critical),
        ]
    )
    func priorities(level: Logger.Level, priority: JournalPriority) throws {
        #expect(JournalLogHandler.priority(of: level) == priority)
        let sent = SentEntries()
        logger(sent).log(level: level, "x")
        let fields = values(try #require(sent.all.first))
        #expect(fields["PRIORITY"] == [priority.fieldValue])
    }

    @Test("a log call gives the message, priority, identifier, source location, label and upper-case metadata")
    func fieldsOfALogCall() throws {
        let sent = SentEntries()
        let logger = logger(sent)
        let line: UInt = #line + 1
        logger.info(
            "request delivered",
            metadata: [
                "request-id": "01JD3Q8Z5W4K7N2M9P6R1T0V8X", "operation-id": "op-42", "attempt": "2",
                "ucwa-code": "RemoteFailure", "ucwa-subcode": "Declined", "retryIn": "5s", "peer-uid": "1000",
            ]
        )
        let entry = try #require(sent.all.first)
        #expect(
            entry.map(\.name.rawValue) == [
                "MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "CODE_FILE", "CODE_LINE", "CODE_FUNC", "LOGGER",
                "ATTEMPT", "OPERATION_ID", "PEER_UID", "REQUEST_ID", "RETRY_IN", "UCWA_CODE", "UCWA_SUBCODE",
            ]
        )
        let fields = values(entry)
        #expect(fields["MESSAGE"] == ["request delivered"])
        #expect(fields["PRIORITY"] == ["6"])
        #expect(fields["SYSLOG_IDENTIFIER"] == ["ucwa-bridged"])
        #expect(fields["CODE_FILE"] == ["DaemonTests/JournalLogHandlerTests.swift"])
        #expect(fields["CODE_LINE"] == ["\(line)"])
        #expect(fields["CODE_FUNC"] == ["fieldsOfALogCall()"])
        #expect(fields["LOGGER"] == ["ucwa-bridged"])
        #expect(fields["REQUEST_ID"] == ["01JD3Q8Z5W4K7N2M9P6R1T0V8X"])
        #expect(fields["OPERATION_ID"] == ["op-42"])
        #expect(fields["ATTEMPT"] == ["2"])
        #expect(fields["UCWA_CODE"] == ["RemoteFailure"])
        #expect(fields["UCWA_SUBCODE"] == ["Declined"])
        #expect(fields["RETRY_IN"] == ["5s"])
        #expect(fields["PEER_UID"] == ["1000"])
    }

    @Test(
        "a key event gets its MESSAGE_ID and EVENT; an unknown event name only EVENT",
        arguments: JournalEvent.allCases
    )
    func messageIDs(event: JournalEvent) throws {
        let sent = SentEntries()
        let logger = logger(sent)
        logger.info("key event", metadata: ["event": "\(event.rawValue)"])
        logger.info("other event", metadata: ["event": "application-opened"])
        logger.info("no event")
        let entries = sent.all.map(values)
        try #require(entries.count == 3)
        #expect(entries[0]["MESSAGE_ID"] == [event.messageID.rawValue])
        #expect(entries[0]["EVENT"] == [event.rawValue])
        #expect(entries[1]["MESSAGE_ID"] == nil)
        #expect(entries[1]["EVENT"] == ["application-opened"])
        #expect(entries[2]["MESSAGE_ID"] == nil)
        #expect(entries[2]["EVENT"] == nil)
    }

    @Test("the handler's, the provider's and the call's metadata merge, the call winning")
    func mergesMetadata() throws {
        let sent = SentEntries()
        var logger = logger(sent, provider: Logger.MetadataProvider { ["peer-uid": "1000", "source": "provider"] })
        logger[metadataKey: "component"] = "queue"
        logger[metadataKey: "source"] = "handler"
        logger.notice("merged", metadata: ["source": "call"])
        let fields = values(try #require(sent.all.first))
        #expect(fields["COMPONENT"] == ["queue"])
        #expect(fields["PEER_UID"] == ["1000"])
        #expect(fields["SOURCE"] == ["call"])
    }

    @Test("nested metadata is flattened or rendered, reserved keys renamed, multi-line values kept")
    func nothingIsDropped() throws {
        let sent = SentEntries()
        logger(sent).warning(
            "nested",
            metadata: [
                "http": ["status": "201", "headers": ["location": "/x"]],
                "hrefs": ["/a", "/b"],
                "empty": [:],
                "message": "not the message",
                "priority": "0",
                "error": "first line\nsecond line",
            ]
        )
        let fields = values(try #require(sent.all.first))
        #expect(fields["HTTP_STATUS"] == ["201"])
        #expect(fields["HTTP_HEADERS_LOCATION"] == ["/x"])
        #expect(fields["HREFS"] == [#"["/a", "/b"]"#])
        #expect(fields["EMPTY"] == ["[:]"])
        #expect(fields["MESSAGE"] == ["nested"])
        #expect(fields["META_MESSAGE"] == ["not the message"])
        #expect(fields["PRIORITY"] == ["4"])
        #expect(fields["META_PRIORITY"] == ["0"])
        #expect(fields["ERROR"] == ["first line\nsecond line"])
    }

    @Test("when journald cannot be reached, the record is written to the fallback stream instead")
    func fallsBackToStandardError() {
        let sent = SentEntries(failing: SystemdError(code: .journalSendFailed, errno: 2, origin: "sd_journal_sendv"))
        let fallback = WrittenText()
        logger(sent, fallback: fallback).error("store failed", metadata: ["request-id": "r1"])
        #expect(sent.all.count == 1)
        #expect(fallback.value.contains("store failed"))
        #expect(fallback.value.contains("request-id=r1"))
        #expect(fallback.value.contains("journalSendFailed"))
        #expect(fallback.value.hasSuffix("\n"))
    }

    @Test("the handler keeps swift-log's value semantics for its level and metadata")
    func valueSemantics() {
        let sent = SentEntries()
        var first = logger(sent)
        var second = first
        first.logLevel = .error
        second[metadataKey: "only"] = "second"
        #expect(second.logLevel == .trace)
        #expect(first[metadataKey: "only"] == nil)
    }
}
