/// One log record as journald stores it, before it is sent: the message, its priority, who logged it and where,
/// an optional ``JournalMessageID``, and the caller's own key/value pairs.
///
/// ``fields`` is the complete, ordered list of fields to send; building it is pure, so what a log call becomes in
/// the journal can be checked without a journald.
public struct JournalEntry: Sendable {
    /// Where in the source the record was made (`CODE_FILE`, `CODE_LINE`, `CODE_FUNC`).
    public struct SourceLocation: Sendable, Hashable {
        public var file: String
        public var line: UInt
        public var function: String

        public init(file: String, line: UInt, function: String) {
            self.file = file
            self.line = line
            self.function = function
        }
    }

    /// `MESSAGE`.
    public var message: String
    /// `PRIORITY`.
    public var priority: JournalPriority
    /// `SYSLOG_IDENTIFIER`, such as `ucwa-bridged`.
    public var identifier: String
    /// `MESSAGE_ID`, for the kinds of events a catalog describes.
    public var messageID: JournalMessageID?
    /// `CODE_FILE`, `CODE_LINE`, `CODE_FUNC`.
    public var location: SourceLocation?
    /// Fields whose names the caller chose (such as `LOGGER`), sent as they are after the standard ones; their
    /// names are reserved as well, so that no key of ``metadata`` can take them.
    public var context: [JournalField]
    /// Arbitrary key/value pairs (log metadata), in the order given; each key becomes a name through
    /// ``JournalFieldName/init(mapping:avoiding:)``.
    public var metadata: [(key: String, value: String)]

    public init(
        message: String,
        priority: JournalPriority,
        identifier: String,
        messageID: JournalMessageID? = nil,
        location: SourceLocation? = nil,
        context: [JournalField] = [],
        metadata: [(key: String, value: String)] = []
    ) {
        self.message = message
        self.priority = priority
        self.identifier = identifier
        self.messageID = messageID
        self.location = location
        self.context = context
        self.metadata = metadata
    }

    /// Every field, in this order: `MESSAGE`, `PRIORITY`, `SYSLOG_IDENTIFIER`, `MESSAGE_ID` (if any), `CODE_FILE`,
    /// `CODE_LINE`, `CODE_FUNC` (if a location is known), the context fields, then one field per metadata pair.
    ///
    /// No metadata pair is dropped and none can replace a field written before it: a key whose name is reserved
    /// (see ``JournalFieldName/reserved``) or taken by a context field is sent under
    /// ``JournalFieldName/escapePrefix`` + name.
    public var fields: [JournalField] {
        var fields = [
            JournalField(.message, message),
            JournalField(.priority, priority.fieldValue),
            JournalField(.syslogIdentifier, identifier),
        ]
        if let messageID {
            fields.append(JournalField(.messageID, messageID.rawValue))
        }
        if let location {
            fields.append(JournalField(.codeFile, location.file))
            fields.append(JournalField(.codeLine, String(location.line)))
            fields.append(JournalField(.codeFunction, location.function))
        }
        fields += context
        let reserved = JournalFieldName.reserved.union(context.map(\.name))
        for (key, value) in metadata {
            fields.append(JournalField(JournalFieldName(mapping: key, avoiding: reserved), value))
        }
        return fields
    }
}
