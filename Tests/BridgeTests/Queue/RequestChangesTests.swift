import Testing

@testable import Bridge

/// Subscriptions to a request's changes, and the wait for them that tests use.
@Suite(.timeLimit(.minutes(1))) struct RequestChangesTests {
    @Test func aWaitForSubscriptionsEndsWhenEnoughAreOpen() async throws {
        let changes = RequestChanges()
        let watched = RequestID("watched")
        let first = changes.subscription(to: watched)
        let waiter = Task { await changes.subscriptions(to: watched, atLeast: 2) }
        try await until { changes.pendingSubscriptionWaits == 1 }
        // A subscription to another request does not count.
        let other = changes.subscription(to: RequestID("other"))
        #expect(changes.pendingSubscriptionWaits == 1)
        let second = changes.subscription(to: watched)
        #expect(changes.pendingSubscriptionWaits == 0)
        await waiter.value
        for subscription in [first, other, second] {
            subscription.end()
        }
    }

    @Test func aCancelledWaitReturnsAndIsForgotten() async throws {
        let changes = RequestChanges()
        let waiter = Task { await changes.subscriptions(to: RequestID("never"), atLeast: 1) }
        try await until { changes.pendingSubscriptionWaits == 1 }
        waiter.cancel()
        await waiter.value
        #expect(changes.pendingSubscriptionWaits == 0)
    }

    @Test func aWaitAlreadySatisfiedReturnsAtOnce() async {
        let changes = RequestChanges()
        let watched = RequestID("watched")
        let subscription = changes.subscription(to: watched)
        await changes.subscriptions(to: watched, atLeast: 1)
        #expect(changes.subscriptionCount == 1)
        subscription.end()
    }
}
