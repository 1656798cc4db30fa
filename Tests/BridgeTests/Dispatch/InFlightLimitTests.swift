import Testing

@testable import Bridge

@Suite(.timeLimit(.minutes(1))) struct InFlightLimitTests {
    /// Waiting requests get the freed slots oldest first, whatever order they asked in.
    @Test func freedSlotsGoToTheOldestWaiterFirst() async {
        let limit = InFlightLimit(capacity: 1)
        #expect(await limit.acquire(.init(createdAt: 0, sequence: 0)))
        let order = Recorder()
        var tasks: [Task<Void, Never>] = []
        for (createdAt, sequence) in [(30.0, 3), (10.0, 1), (20.0, 2), (10.0, 0)] {
            tasks.append(
                Task {
                    if await limit.acquire(.init(createdAt: createdAt, sequence: UInt64(sequence))) {
                        await order.append(sequence)
                        await limit.release()
                    }
                }
            )
            // Each waiter is queued before the next one asks.
            await Self.waitForWaiters(limit, count: tasks.count)
        }
        await limit.release()
        for task in tasks {
            await task.value
        }
        #expect(await order.values == [0, 1, 2, 3])
        #expect(await limit.slotsInUse == 0)
    }

    @Test func cancelledWaiterGivesUp() async {
        let limit = InFlightLimit(capacity: 1)
        #expect(await limit.acquire(.init(createdAt: 0, sequence: 0)))
        let waiter = Task { await limit.acquire(.init(createdAt: 1, sequence: 1)) }
        await Self.waitForWaiters(limit, count: 1)
        waiter.cancel()
        #expect(await waiter.value == false)
        #expect(await limit.waitingCount == 0)
    }

    /// Yields until `count` requests wait (bounded; the waiters only need to be scheduled once).
    private static func waitForWaiters(_ limit: InFlightLimit, count: Int) async {
        for _ in 0..<100_000 {
            if await limit.waitingCount >= count { return }
            await Task.yield()
        }
        Issue.record("fewer than \(count) waiters")
    }

    private actor Recorder {
        var values: [Int] = []
        func append(_ value: Int) { values.append(value) }
    }
}
