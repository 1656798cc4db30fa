import Configuration
import Synchronization

/// Collects the key paths a YAML file defines, as the library parses it, so that unknown keys can be refused.
///
/// The library has no way to list a snapshot's keys, but it asks the parsing options' secrets specifier about
/// every leaf key it reads (`dispatch.retry.initialDelay`); the recorder answers "not a secret" (the file holds
/// no secrets, only their paths) and remembers the key.
final class FileKeyRecorder: Sendable {
    private let keys = Mutex<[String]>([])

    /// The parsing options that feed this recorder.
    var parsingOptions: YAMLSnapshot.ParsingOptions {
        YAMLSnapshot.ParsingOptions(
            secretsSpecifier: .dynamic { [self] key, _ in
                keys.withLock { $0.append(key) }
                return false
            }
        )
    }

    /// The keys recorded so far, in the order the file gave them.
    var recordedKeys: [String] {
        keys.withLock { $0 }
    }
}
