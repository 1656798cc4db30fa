import Logging
import Synchronization
import Testing

@testable import Daemon

@Suite struct DaemonLoggingTests {
    /// A handler that records the levels it was asked to log at.
    struct LevelRecorder: LogHandler {
        final class Levels: Sendable {
            private let levels = Mutex<[Logger.Level]>([])
            var all: [Logger.Level] { levels.withLock { $0 } }
            func append(_ level: Logger.Level) { levels.withLock { $0.append(level) } }
        }

        let levels: Levels
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            levels.append(event.level)
        }
    }

    private func switched(_ recorded: LevelRecorder.Levels, _ levels: LogLevelSwitch) -> LevelSwitchedLogHandler {
        LevelSwitchedLogHandler(LevelRecorder(levels: recorded), levels: levels)
    }

    @Test("log.target: journal and stderr as they say; auto is the journal only when stderr is the journal stream")
    func destinations() {
        #expect(LogDestination.resolve(.journal, standardErrorIsJournal: false) == .journal)
        #expect(LogDestination.resolve(.stderr, standardErrorIsJournal: true) == .standardError)
        #expect(LogDestination.resolve(.auto, standardErrorIsJournal: true) == .journal)
        #expect(LogDestination.resolve(.auto, standardErrorIsJournal: false) == .standardError)
    }

    @Test("every logger follows the switch, including loggers made before it changed")
    func loggersFollowTheSwitch() {
        let levels = LogLevelSwitch(.info)
        let recorded = LevelRecorder.Levels()
        let first = Logger(label: "a") { _ in switched(recorded, levels) }
        let second = Logger(label: "b") { _ in switched(recorded, levels) }
        first.debug("hidden")
        second.info("shown")
        levels.set(.debug)
        #expect(first.logLevel == .debug)
        first.debug("shown after the reload")
        levels.set(.error)
        second.warning("hidden after the second reload")
        #expect(recorded.all == [.info, .debug])
    }

    @Test("setting the level of one logger pins that logger only")
    func pinnedLevel() {
        let levels = LogLevelSwitch(.info)
        let recorded = LevelRecorder.Levels()
        var pinned = Logger(label: "a") { _ in switched(recorded, levels) }
        let other = pinned
        pinned.logLevel = .warning
        levels.set(.trace)
        #expect(pinned.logLevel == .warning)
        #expect(other.logLevel == .trace)
    }

    @Test("the handlers of both destinations follow the switch and keep metadata")
    func handlersOfBothDestinations() {
        let levels = LogLevelSwitch(.notice)
        for destination in [LogDestination.journal, .standardError] {
            var handler = DaemonLogging.handler(label: "x", destination: destination, levels: levels)
            #expect(handler.logLevel == .notice)
            handler[metadataKey: "k"] = "v"
            #expect(handler.metadata["k"] == "v")
            switch destination {
            case .journal: #expect(handler.wrapped is JournalLogHandler)
            case .standardError: #expect(handler.wrapped is StreamLogHandler)
            }
        }
        levels.set(.debug)
        #expect(DaemonLogging.handler(label: "y", destination: .journal, levels: levels).logLevel == .debug)
    }
}
