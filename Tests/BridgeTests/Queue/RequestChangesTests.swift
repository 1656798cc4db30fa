import Foundation
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

    @Test func aSubscriptionUntilFinalSeesOnlyFinalStates() async throws {
        let changes = RequestChanges()
        var request = MessageRequest(
            conversationLog: "/ucwa/oauth/v1/applications/1/communication/conversationLogs/1",
            message: "Hi",
            deadline: Date(timeIntervalSince1970: 3_600),
            createdAt: Date(timeIntervalSince1970: 0)
        )
        let everyChange = changes.subscription(to: request.id)
        let final = changes.subscription(to: request.id, until: .final)
        for state in [RequestState.dispatching, .awaitingEvents, .started, .delivered] {
            try request.move(to: state, at: Date(timeIntervalSince1970: 1))
            changes.publish(request)
        }
        everyChange.end()
        final.end()
        var seen: [RequestState] = []
        for await change in everyChange.changes {
            seen.append(change.state)
        }
        var seenFinal: [RequestState] = []
        for await change in final.changes {
            seenFinal.append(change.state)
        }
        #expect(seen == [.dispatching, .awaitingEvents, .started, .delivered])
        #expect(seenFinal == [.delivered])
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
