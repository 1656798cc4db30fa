import Testing

@testable import Systemd

@Suite struct JournalFieldNameTests {
    @Test(
        "kebab-case, camelCase and snake_case keys become UPPER_SNAKE_CASE",
        arguments: [
            ("request-id", "REQUEST_ID"),
            ("operation-id", "OPERATION_ID"),
            ("attempt", "ATTEMPT"),
            ("ucwa-code", "UCWA_CODE"),
            ("ucwa-subcode", "UCWA_SUBCODE"),
            ("peer-uid", "PEER_UID"),
            ("retryIn", "RETRY_IN"),
            ("expiresIn", "EXPIRES_IN"),
            ("retry-in", "RETRY_IN"),
            ("HTTPStatus", "HTTP_STATUS"),
            ("httpStatus2xx", "HTTP_STATUS2XX"),
            ("error.message", "ERROR_MESSAGE"),
            ("already_SNAKE", "ALREADY_SNAKE"),
            ("EVENT", "EVENT"),
        ]
    )
    func mapsKeys(key: String, expected: String) {
        let name = JournalFieldName(mapping: key)
        #expect(name.rawValue == expected)
        #expect(JournalFieldName.isValid(name.rawValue))
    }

    @Test("characters journald refuses become underscores, one per character")
    func mapsInvalidCharacters() {
        #expect(JournalFieldName(mapping: "a b/c:d").rawValue == "A_B_C_D")
        #expect(JournalFieldName(mapping: "größe").rawValue == "GR__E")
        #expect(JournalFieldName(mapping: "smile😀").rawValue == "SMILE_")
    }

    @Test("a name that would start with a digit or an underscore, or be empty, gets the prefix")
    func prefixesWhatJournaldWouldDrop() {
        #expect(JournalFieldName(mapping: "1st-try").rawValue == "META_1ST_TRY")
        #expect(JournalFieldName(mapping: "_PID").rawValue == "META__PID")
        #expect(JournalFieldName(mapping: "-x").rawValue == "META__X")
        #expect(JournalFieldName(mapping: "").rawValue == "META_")
    }

    @Test(
        "reserved names and CODE_* are sent under another name, never replacing the handler's fields",
        arguments: [
            ("message", "META_MESSAGE"),
            ("priority", "META_PRIORITY"),
            ("MESSAGE_ID", "META_MESSAGE_ID"),
            ("syslog-identifier", "META_SYSLOG_IDENTIFIER"),
            ("code-file", "META_CODE_FILE"),
            ("codeLine", "META_CODE_LINE"),
            ("code_func", "META_CODE_FUNC"),
            ("code-path", "META_CODE_PATH"),
            ("errno", "META_ERRNO"),
        ]
    )
    func escapesReservedNames(key: String, expected: String) {
        #expect(JournalFieldName(mapping: key).rawValue == expected)
    }

    @Test("a name may be reserved by the caller as well")
    func escapesCallerReservedNames() {
        let reserved = JournalFieldName.reserved.union(["LOGGER"])
        #expect(JournalFieldName(mapping: "logger", avoiding: reserved).rawValue == "META_LOGGER")
        #expect(JournalFieldName(mapping: "logger").rawValue == "LOGGER")
        #expect(JournalFieldName(mapping: "code").rawValue == "CODE")
    }

    @Test("names are cut to 64 characters")
    func cutsLongNames() {
        let long = JournalFieldName(mapping: String(repeating: "a", count: 100))
        #expect(long.rawValue == String(repeating: "A", count: 64))
        let escaped = JournalFieldName(mapping: "9" + String(repeating: "b", count: 100))
        #expect(escaped.rawValue.count == 64)
        #expect(escaped.rawValue.hasPrefix("META_9BBB"))
        #expect(JournalFieldName.isValid(escaped.rawValue))
    }

    @Test("validation follows journald's rules for client fields")
    func validates() {
        #expect(JournalFieldName(validating: "REQUEST_ID") != nil)
        #expect(JournalFieldName(validating: "A1_") != nil)
        #expect(JournalFieldName(validating: String(repeating: "A", count: 64)) != nil)
        #expect(JournalFieldName(validating: String(repeating: "A", count: 65)) == nil)
        #expect(JournalFieldName(validating: "") == nil)
        #expect(JournalFieldName(validating: "_PID") == nil)
        #expect(JournalFieldName(validating: "1A") == nil)
        #expect(JournalFieldName(validating: "request_id") == nil)
        #expect(JournalFieldName(validating: "REQUEST-ID") == nil)
    }

    @Test("every mapped name is valid, whatever the key")
    func mappedNamesAreAlwaysValid() {
        let keys = [
            "", "_", "__x", "0", "ÄÖÜ", "a.b.c", "x-", "--", "CODE_", "\n", "a\u{0}b",
            String(repeating: "é", count: 80),
        ]
        for key in keys {
            let name = JournalFieldName(mapping: key)
            #expect(JournalFieldName.isValid(name.rawValue), "\(key) -> \(name)")
            #expect(!JournalFieldName.reserved.contains(name), "\(key) -> \(name)")
        }
    }
}
