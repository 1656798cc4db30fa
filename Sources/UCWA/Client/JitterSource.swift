import Synchronization

/// The injected random source behind backoff jitter: a generator shared by the tasks that draw from it.
public final class JitterSource: Sendable {
    private let generator: Mutex<any RandomNumberGenerator & Sendable>

    /// Draws from `generator`; pass a seeded one in tests for a repeatable schedule.
    public init(_ generator: some RandomNumberGenerator & Sendable) {
        self.generator = Mutex(generator)
    }

    /// Draws from the system generator.
    public static func system() -> JitterSource {
        JitterSource(SystemRandomNumberGenerator())
    }

    /// A value uniformly distributed in `0 ..< 1`.
    public func unitInterval() -> Double {
        generator.withLock { generator in
            var opened = generator
            let value = Double.random(in: 0..<1, using: &opened)
            generator = opened
            return value
        }
    }
}
