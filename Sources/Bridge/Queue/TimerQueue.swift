import Synchronization

/// Many one-shot deadlines on one clock, fired in deadline order by a single sleeping task.
///
/// A task per deadline costs a task, a timer registered with the system and, once the deadline passes, a wake-up
/// even when the wait it guarded ended long before (cancelling a sleeping task does not withdraw its timer). The
/// time-outs of long polls (``MessageQueue``) and the outcome time-outs of attempts (``Dispatcher``) almost never
/// fire, and most are scheduled later than every earlier one (the same wait from a later moment), so while several
/// are open one sleeper armed for the earliest serves them all: a new deadline wakes nothing unless it comes before
/// the armed one, and a cancelled one is only forgotten.
///
/// Contract: an action runs at most once, on the sleeper's task, after the clock reached its deadline; an action
/// cancelled before its deadline passed never runs. An action cancelled while the sleeper is firing it may still
/// run, so an action must be harmless late (a wait's time-out ends a stream that may have ended already).
final class TimerQueue: Sendable {
    /// Names one scheduled action, to cancel it.
    struct Token: Hashable, Sendable {
        fileprivate let deadline: Duration
        fileprivate let value: UInt64
    }

    private struct Entry {
        let deadline: Duration
        let token: UInt64
        let action: @Sendable () -> Void
    }

    private struct State {
        /// Scheduled actions, by deadline then token (the order they were scheduled in).
        var entries: [Entry] = []
        var nextToken: UInt64 = 0
        /// The deadline the sleeper wakes at, and the sleeper itself; `nil` when none sleeps.
        var armedFor: Duration?
        var sleeper: Task<Void, Never>?
        /// Counts the sleepers armed: a sleeper replaced while it was waking fires what is due but arms nothing.
        var generation: UInt64 = 0
    }

    private let clock: DispatchClock
    private let state = Mutex(State())

    init(clock: DispatchClock) {
        self.clock = clock
    }

    deinit {
        state.withLock { $0.sleeper?.cancel() }
    }

    /// Runs `action` once the clock reaches `deadline` (an offset of ``DispatchClock``), unless ``cancel(_:)`` comes
    /// first.
    func schedule(at deadline: Duration, _ action: @escaping @Sendable () -> Void) -> Token {
        state.withLock { state in
            state.nextToken += 1
            let entry = Entry(deadline: deadline, token: state.nextToken, action: action)
            // Almost always the latest deadline: appended without a search.
            if let last = state.entries.last, last.deadline > deadline {
                let index = state.entries.partitioningIndex { $0.deadline > deadline }
                state.entries.insert(entry, at: index)
            } else {
                state.entries.append(entry)
            }
            if state.armedFor.map({ deadline < $0 }) ?? true {
                arm(&state, for: deadline)
            }
            return Token(deadline: deadline, value: entry.token)
        }
    }

    /// Forgets the action of `token`; nothing when it ran or was cancelled already. While other actions wait, the
    /// sleeper is left to wake at its time and rearm for the earliest left: re-arming it at every cancellation would
    /// cost the wake-ups this queue saves. The last action's cancellation stops it, so that an idle queue leaves
    /// nothing sleeping.
    func cancel(_ token: Token) {
        state.withLock { state in
            // Entries are ordered by deadline, then token: the first at or after this one's place is it, if any.
            let index = state.entries.partitioningIndex {
                ($0.deadline, $0.token) >= (token.deadline, token.value)
            }
            guard index < state.entries.count, state.entries[index].token == token.value else { return }
            state.entries.remove(at: index)
            if state.entries.isEmpty {
                state.sleeper?.cancel()
                state.sleeper = nil
                state.armedFor = nil
                state.generation += 1
            }
        }
    }

    /// How many actions wait for their deadline.
    var count: Int { state.withLock { $0.entries.count } }

    /// Replaces the sleeper with one that wakes at `deadline`. Called with the lock held.
    private func arm(_ state: inout State, for deadline: Duration) {
        state.sleeper?.cancel()
        state.generation += 1
        state.armedFor = deadline
        let clock = clock
        let generation = state.generation
        state.sleeper = Task { [weak self] in
            do {
                try await clock.sleep(until: deadline)
            } catch {
                return
            }
            self?.fireDue(armedAs: generation)
        }
    }

    /// Runs every action whose deadline has passed, then, unless another sleeper replaced this one meanwhile, arms
    /// one for the earliest action left.
    private func fireDue(armedAs generation: UInt64) {
        let due = state.withLock { state -> [Entry] in
            let now = clock.now
            let count = state.entries.prefix { $0.deadline <= now }.count
            let due = Array(state.entries.prefix(count))
            state.entries.removeFirst(count)
            if state.generation == generation {
                state.armedFor = nil
                state.sleeper = nil
                if let next = state.entries.first {
                    arm(&state, for: next.deadline)
                }
            }
            return due
        }
        for entry in due {
            entry.action()
        }
    }
}

extension Array {
    /// The first index whose element satisfies `isAbove`, for an array where every element satisfying it comes after
    /// every element that does not (binary search).
    fileprivate func partitioningIndex(where isAbove: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isAbove(self[middle]) {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }
}
