import Logging
import Systemd

/// A swift-log handler that writes every record to journald as structured fields (`sd_journal_sendv(3)`).
///
/// Each record becomes one entry with (see ``entry(for:)``):
/// - `MESSAGE`; `PRIORITY`, the syslog severity of the level (``priority(of:)``); `SYSLOG_IDENTIFIER`
///   (``identifier``); `CODE_FILE` (the `#fileID` of the call), `CODE_LINE`, `CODE_FUNC`; `LOGGER`, the logger's
///   label;
/// - every metadata value (the handler's, then its provider's, then the call's, a later one winning for a key)
///   as an upper-case field: `request-id` → `REQUEST_ID`, `retryIn` → `RETRY_IN`, nested values flattened
///   (``JournalMetadata``, ``JournalFieldName/init(mapping:avoiding:)``); none is dropped and none can replace one
///   of the fields above;
/// - `MESSAGE_ID` when the metadata value `event` names an entry of ``messageIDs`` (the value itself is sent as
///   `EVENT`).
///
/// When journald cannot be reached, the record is written as a plain line to ``fallback`` (standard error) with
/// the reason, never lost. ``logLevel`` has swift-log's value semantics; the daemon wraps the handler in a
/// ``LevelSwitchedLogHandler`` so that a reload changes the level of every logger.
public struct JournalLogHandler: LogHandler {
    /// Sends one entry's fields; ``JournalWriter/send(_:)`` in the daemon.
    public typealias Send = @Sendable ([JournalField]) throws(SystemdError) -> Void

    /// The label of the logger this handler serves, sent as `LOGGER`.
    public let label: String
    /// `SYSLOG_IDENTIFIER`, such as `ucwa-bridged`.
    public var identifier: String
    /// Event names (metadata `event`) and their `MESSAGE_ID`s, normally ``JournalEvent/messageIDs``.
    public var messageIDs: [String: JournalMessageID]
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    /// Where a record goes when ``send`` fails.
    public var fallback: StreamLogHandler
    private let send: Send

    /// The field that carries ``label``.
    public static let loggerField: JournalFieldName = "LOGGER"

    /// Creates a handler for the logger `label`.
    ///
    /// - Parameters:
    ///   - send: delivers the fields; tests pass a recorder, the daemon the default (journald).
    ///   - fallback: receives the records `send` could not deliver; standard error by default.
    public init(
        label: String,
        identifier: String,
        messageIDs: [String: JournalMessageID] = JournalEvent.messageIDs,
        metadataProvider: Logger.MetadataProvider? = nil,
        send: @escaping Send = { fields throws(SystemdError) in try JournalWriter().send(fields) },
        fallback: StreamLogHandler? = nil
    ) {
        self.label = label
        self.identifier = identifier
        self.messageIDs = messageIDs
        self.metadataProvider = metadataProvider
        self.send = send
        self.fallback = fallback ?? StreamLogHandler.standardError(label: label, metadataProvider: nil)
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let entry = entry(for: event)
        do {
            try send(entry.fields)
        } catch {
            var line = event
            line.metadata = JournalMetadata.merged(
                handler: metadata,
                provider: metadataProvider,
                call: event.metadata,
                error: nil
            )
            line.metadata?["journal-error"] = "\(error)"
            fallback.log(event: line)
        }
    }

    /// The journal entry `event` becomes; pure, so that tests see exactly what would be sent.
    public func entry(for event: LogEvent) -> JournalEntry {
        let merged = JournalMetadata.merged(
            handler: metadata,
            provider: metadataProvider,
            call: event.metadata,
            error: event.error
        )
        let messageID = merged[JournalEvent.metadataKey].flatMap { messageIDs[$0.description] }
        return JournalEntry(
            message: event.message.description,
            priority: Self.priority(of: event.level),
            identifier: identifier,
            messageID: messageID,
            location: JournalEntry.SourceLocation(file: event.file, line: event.line, function: event.function),
            context: [JournalField(Self.loggerField, label)],
            metadata: JournalMetadata.pairs(merged)
        )
    }

    /// The syslog severity of a swift-log level: `trace` and `debug` → debug, `info` → informational, `notice` →
    /// notice, `warning` → warning, `error` → error, `critical` → critical.
    public static func priority(of level: Logger.Level) -> JournalPriority {
        switch level {
        case .trace, .debug: .debug
        case .info: .informational
        case .notice: .notice
        case .warning: .warning
        case .error: .error
        case .critical: .critical
        }
    }
}
