import Synchronization
import Systemd

@testable import Daemon

/// A ``NotifySink`` that keeps every message and lets a test await the next one.
final class RecordingNotifier: NotifySink {
    let isSupervised: Bool
    private let messages = Mutex<[[NotifyState]]>([])
    private let input: AsyncStream<[NotifyState]>.Continuation
    /// Every message, in the order sent.
    let sent: AsyncStream<[NotifyState]>

    init(isSupervised: Bool = true) {
        self.isSupervised = isSupervised
        (sent, input) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
    }

    /// Every message so far.
    var all: [[NotifyState]] { messages.withLock { $0 } }

    func send(_ states: [NotifyState]) throws(SystemdError) {
        messages.withLock { $0.append(states) }
        input.yield(states)
    }
}

/// A door a task waits at until the test opens it.
final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let isOpen = state.withLock { state -> Bool in
                if !state.open { state.waiters.append(continuation) }
                return state.open
            }
            if isOpen { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

/// Counts calls from any task.
final class CallCounter: Sendable {
    private let count = Mutex(0)

    var value: Int { count.withLock { $0 } }

    func increment() {
        count.withLock { $0 += 1 }
    }
}
