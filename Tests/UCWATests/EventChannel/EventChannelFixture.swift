import Foundation
import TestSupport
import Testing
import UCWA
import UCWASimulator

/// A client with an open application, an event channel on it, and the test's reading end of the channel.
struct ChannelHarness {
    let fixture: ClientFixture
    let client: UCWAClient
    let channel: EventChannel
    let continueMessagingHref: String
    var iterator: AsyncStream<EventChannelElement>.AsyncIterator

    /// Opens an application, starts a channel (from `startHref` if given) and waits until the simulator holds its
    /// first P-GET (unless `waitForPark` is false).
    static func start(
        _ fixture: ClientFixture,
        parameters: EventChannelParameters = EventChannelParameters(backoff: Backoff()),
        from startHref: ((String) -> String)? = nil,
        waitForPark: Bool = true,
        persist: EventChannel.Persist? = nil
    ) async throws -> ChannelHarness {
        let client = try fixture.client()
        let context = try await client.openApplication()
        let href = try await fixture.continueMessagingHref(client)
        let channel = EventChannel(
            client: client,
            parameters: parameters,
            jitter: JitterSource(MidpointGenerator()),
            persist: persist,
            logger: fixture.logs.logger(label: "ucwa-client-tests")
        )
        channel.start(from: startHref?(context.eventsHref))
        if waitForPark {
            await fixture.simClock.sleepers(atLeast: 1)
        }
        return ChannelHarness(
            fixture: fixture,
            client: client,
            channel: channel,
            continueMessagingHref: href,
            iterator: channel.elements.makeAsyncIterator()
        )
    }

    /// The next element; fails the test when the channel ended.
    mutating func next(sourceLocation: SourceLocation = #_sourceLocation) async throws -> EventChannelElement {
        try #require(await iterator.next(), "the event channel ended", sourceLocation: sourceLocation)
    }

    /// The next `.events` element's response, skipping nothing: any other element fails the test.
    mutating func nextEvents(sourceLocation: SourceLocation = #_sourceLocation) async throws -> EventsResponse {
        let element = try await next(sourceLocation: sourceLocation)
        guard case .events(let response) = element else {
            Issue.record("expected events, got \(element)", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        return response
    }

    /// Events until the `completed` event of `operationId` (at most `limit` responses), in order.
    mutating func events(
        until operationId: String,
        limit: Int = 10,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> [Event] {
        var collected: [Event] = []
        for _ in 0..<limit {
            let response = try await nextEvents(sourceLocation: sourceLocation)
            collected += response.events
            if collected.contains(where: { $0.type == .completed && $0.operationId == operationId }) {
                return collected
            }
        }
        Issue.record("no completed event for \(operationId) in \(limit) responses", sourceLocation: sourceLocation)
        return collected
    }

    /// Starts an invitation on the first conversation log.
    func invite(_ operationId: String) async throws {
        try await fixture.continueMessaging(client, href: continueMessagingHref, operationId: operationId)
    }

    /// Waits for a state matching `predicate` on the channel's change stream (bounded by the stream's end).
    func waitForState(_ predicate: (EventChannelState) -> Bool) async -> EventChannelState? {
        for await state in channel.stateChanges() where predicate(state) {
            return state
        }
        return nil
    }
}

extension Array where Element == Event {
    /// `type` and `link.rel` of each event, for comparing sequences.
    var summary: [String] { map { "\($0.type.rawValue) \($0.link.rel)" } }

    /// The events about `operationId`'s invitation (those whose embedded resource carries it).
    func about(_ operationId: String) -> [Event] { filter { $0.operationId == operationId } }
}
