import Testing

@testable import Bridge

/// ``InFlightLimit/resize(to:)``: a configuration reload's change of `dispatch.concurrency`.
@Suite(.timeLimit(.minutes(1))) struct InFlightLimitResizeTests {
    /// A lowered limit takes no slot away: the holders keep theirs, and a waiter starts only once the holders are
    /// fewer than the new limit.
    @Test func aLoweredLimitKeepsTheHoldersAndDelaysTheWaiters() async {
        let limit = InFlightLimit(capacity: 3)
        for sequence in 0..<3 {
            #expect(await limit.acquire(.init(createdAt: 0, sequence: UInt64(sequence))))
        }
        await limit.resize(to: 1)
        #expect(await limit.slotsInUse == 3, "no holder loses its slot")

        let waiter = Task { await limit.acquire(.init(createdAt: 1, sequence: 9)) }
        await Self.waitForWaiters(limit, count: 1)
        await limit.release()
        await limit.release()
        #expect(await limit.slotsInUse == 1)
        #expect(await limit.waitingCount == 1, "one holder left, which is the new limit: the waiter still waits")

        await limit.release()
        #expect(await waiter.value)
        #expect(await limit.slotsInUse == 1)
        #expect(await limit.waitingCount == 0)
    }

    /// A raised limit hands the new slots to the waiters at once, oldest first.
    @Test func aRaisedLimitStartsWaitersAtOnce() async {
        let limit = InFlightLimit(capacity: 1)
        #expect(await limit.acquire(.init(createdAt: 0, sequence: 0)))
        let older = Task { await limit.acquire(.init(createdAt: 1, sequence: 1)) }
        await Self.waitForWaiters(limit, count: 1)
        let newer = Task { await limit.acquire(.init(createdAt: 2, sequence: 2)) }
        await Self.waitForWaiters(limit, count: 2)
        let newest = Task { await limit.acquire(.init(createdAt: 3, sequence: 3)) }
        await Self.waitForWaiters(limit, count: 3)

        await limit.resize(to: 3)
        #expect(await older.value)
        #expect(await newer.value)
        #expect(await limit.slotsInUse == 3)
        #expect(await limit.waitingCount == 1, "the newest waits for a slot")

        await limit.release()
        #expect(await newest.value)
        #expect(await limit.slotsInUse == 3)
    }

    @Test func theLimitIsAtLeastOne() async {
        let limit = InFlightLimit(capacity: 2)
        await limit.resize(to: 0)
        #expect(await limit.acquire(.init(createdAt: 0, sequence: 0)))
        let waiter = Task { await limit.acquire(.init(createdAt: 1, sequence: 1)) }
        await Self.waitForWaiters(limit, count: 1)
        await limit.release()
        #expect(await waiter.value)
    }

    /// Yields until `count` requests wait (bounded; the waiters only need to be scheduled once).
    private static func waitForWaiters(_ limit: InFlightLimit, count: Int) async {
        for _ in 0..<100_000 {
            if await limit.waitingCount >= count { return }
            await Task.yield()
        }
        Issue.record("fewer than \(count) waiters")
    }
}
