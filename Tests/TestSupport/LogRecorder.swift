import Foundation
import Logging
import Synchronization

/// Every log line the code under test wrote, rendered with its level and metadata, so tests can
/// check what was said and that no secret ever appears. Set `UCWA_TEST_LOG=1` to also see the
/// lines on stderr.
public final class LogRecorder: Sendable {
    private let lines = Mutex<[String]>([])
    private let echo = ProcessInfo.processInfo.environment["UCWA_TEST_LOG"] != nil

    public init() {}

    /// The lines so far, in the order they were written.
    public var all: [String] { lines.withLock { $0 } }

    public func append(_ line: String) {
        lines.withLock { $0.append(line) }
        if echo {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    /// A logger whose every line at `level` or above is recorded here.
    public func logger(label: String = "tests", level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: label) { _ in RecordingLogHandler(recorder: self) }
        logger.logLevel = level
        return logger
    }
}

/// The swift-log handler behind `LogRecorder.logger`.
struct RecordingLogHandler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        recorder.append("\(event.level) \(event.message) \(merged)")
    }
}
