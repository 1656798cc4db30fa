import Synchronization

/// A value behind a lock whose every change is delivered, in order, to any number of observers.
final class StateBroadcast<Value: Sendable>: Sendable {
    private struct Storage {
        var value: Value
        var observers: [UInt64: AsyncStream<Value>.Continuation] = [:]
        var nextID: UInt64 = 0
        var finished = false
    }

    private let storage: Mutex<Storage>

    init(_ value: Value) {
        storage = Mutex(Storage(value: value))
    }

    var value: Value {
        storage.withLock { $0.value }
    }

    /// Sets the value and tells every observer (under the lock, so that observers see changes in order).
    func update(_ value: Value) {
        storage.withLock { storage in
            storage.value = value
            for observer in storage.observers.values {
                observer.yield(value)
            }
        }
    }

    /// The current value, then every change; ends when ``finish()`` is called.
    func stream() -> AsyncStream<Value> {
        AsyncStream(bufferingPolicy: .unbounded) { continuation in
            let registered = storage.withLock { storage -> UInt64? in
                continuation.yield(storage.value)
                guard !storage.finished else { return nil }
                storage.nextID += 1
                storage.observers[storage.nextID] = continuation
                return storage.nextID
            }
            guard let id = registered else {
                continuation.finish()
                return
            }
            continuation.onTermination = { [weak self] _ in
                _ = self?.storage.withLock { $0.observers.removeValue(forKey: id) }
            }
        }
    }

    /// Ends every observer's stream; later streams get the final value and end at once.
    func finish() {
        let observers = storage.withLock { storage in
            storage.finished = true
            defer { storage.observers = [:] }
            return Array(storage.observers.values)
        }
        for observer in observers {
            observer.finish()
        }
    }
}
