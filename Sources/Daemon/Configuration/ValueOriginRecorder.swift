import Configuration
import Synchronization

/// Remembers, for each key looked up, which provider answered (or failed): the library's providers are asked in
/// order and the first one with a value or an error decides, so its position in the list names the source.
final class ValueOriginRecorder: AccessReporter, Sendable {
    private let origins = Mutex<[String: Int]>([:])

    func report(_ event: AccessEvent) {
        let deciding = event.providerResults.lastIndex { result in
            switch result.result {
            case .success(let lookup): lookup.value != nil
            case .failure: true
            }
        }
        guard let deciding else { return }
        let key = event.metadata.key.components.joined(separator: ".")
        origins.withLock { $0[key] = deciding }
    }

    /// The position of the provider that decided the last lookup of `key`, if any did.
    func providerIndex(of key: String) -> Int? {
        origins.withLock { $0[key] }
    }
}
