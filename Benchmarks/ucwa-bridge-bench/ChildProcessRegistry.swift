import Synchronization

/// Every child the benchmark started, so that each is stopped at the end, after an error, and on SIGINT or
/// SIGTERM (see ``TerminationSignals``).
final class ChildProcessRegistry: Sendable {
    private let children = Mutex<[ChildProcess]>([])

    init() {}

    /// Records a child that was just launched.
    func add(_ child: ChildProcess) {
        children.withLock { $0.append(child) }
    }

    /// Stops every child still running, newest first (daemons before the simulators they talk to).
    func stopAll() async {
        let all = children.withLock { $0 }
        for child in all.reversed() {
            await child.stop()
        }
    }

    /// ``stopAll()`` without suspending, for a signal handler.
    func stopAllNow() {
        let all = children.withLock { $0 }
        for child in all.reversed() {
            child.stopNow()
        }
    }
}
