/// A bound on how many requests are in flight toward UCWA at once; waiting requests get a slot oldest first.
actor InFlightLimit {
    /// The order in which waiting requests get a slot: creation time, then submission order.
    struct Priority: Comparable, Sendable {
        var createdAt: Double
        var sequence: UInt64

        static func < (lhs: Priority, rhs: Priority) -> Bool {
            (lhs.createdAt, lhs.sequence) < (rhs.createdAt, rhs.sequence)
        }
    }

    private struct Waiter {
        var priority: Priority
        var ticket: UInt64
        var continuation: CheckedContinuation<Bool, Never>
    }

    private var capacity: Int
    private var inUse = 0
    private var waiting: [Waiter] = []
    private var nextTicket: UInt64 = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The slots taken now.
    var slotsInUse: Int { inUse }

    /// The requests waiting for a slot.
    var waitingCount: Int { waiting.count }

    /// Takes a slot, waiting behind older requests if none is free; `false` when cancelled while waiting.
    func acquire(_ priority: Priority) async -> Bool {
        if inUse < capacity, waiting.isEmpty {
            inUse += 1
            return true
        }
        nextTicket += 1
        let ticket = nextTicket
        return await withTaskCancellationHandler {
            // The body runs on the actor before the task suspends, so `cancel` (which needs the actor) always finds
            // the waiter, even when the task was cancelled before it got here.
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let index = waiting.firstIndex { priority < $0.priority } ?? waiting.endIndex
                waiting.insert(Waiter(priority: priority, ticket: ticket, continuation: continuation), at: index)
            }
        } onCancel: {
            Task { await self.cancel(ticket) }
        }
    }

    /// Gives a slot back; the oldest waiting request takes it, unless more slots are taken than the capacity allows
    /// now (it was lowered by ``resize(to:)``).
    func release() {
        if waiting.isEmpty || inUse > capacity {
            inUse = max(0, inUse - 1)
            return
        }
        // The slot passes directly to the oldest waiter; `inUse` stays the same.
        waiting.removeFirst().continuation.resume(returning: true)
    }

    /// Changes how many requests may be in flight at once (at least 1).
    ///
    /// Requests holding a slot keep it: a lowered capacity never interrupts an attempt in flight; it only makes
    /// waiting requests wait until enough slots were given back to bring the count under the new capacity. A
    /// raised capacity hands the new slots to the waiting requests at once, oldest first.
    func resize(to newCapacity: Int) {
        capacity = max(1, newCapacity)
        // Bounded by the waiting list, which shrinks by one per pass.
        while inUse < capacity, !waiting.isEmpty {
            inUse += 1
            waiting.removeFirst().continuation.resume(returning: true)
        }
    }

    private func cancel(_ ticket: UInt64) {
        // A waiter already given a slot is no longer listed; its task sees the cancellation later.
        if let index = waiting.firstIndex(where: { $0.ticket == ticket }) {
            waiting.remove(at: index).continuation.resume(returning: false)
        }
    }
}
