import Bridge
import Foundation
import LocalAPI
import Systemd
import Testing
import UCWA

@testable import Daemon

@Suite struct StatusLineTests {
    static let noon = Date(timeIntervalSince1970: 1_796_000_000)

    @Test func saysTheChannelStateAndTheQueue() {
        let line = StatusLine.compose(
            StatusSnapshot(channel: .parked, queue: .init(queued: 3, inFlight: 1), lastFailure: nil)
        )
        #expect(line == "event channel parked, 3 queued, 1 in flight")
    }

    @Test func endsWithTheLastErrorAndItsTime() {
        let line = StatusLine.compose(
            StatusSnapshot(
                channel: .backingOff(until: Self.noon, attempt: 2),
                queue: .init(queued: 0, inFlight: 0),
                lastFailure: LastFailure.Mark(code: "ServiceFailure/CallbackChannelError", at: Self.noon)
            )
        )
        #expect(
            line == "event channel backing off (attempt 2), 0 queued, 0 in flight, "
                + "last error: ServiceFailure/CallbackChannelError at \(Self.noon.formatted(.iso8601))"
        )
        #expect(line.hasSuffix("Z"))
    }

    @Test func namesEveryChannelStateAndAnUnreadableQueue() {
        let failed = UCWAClientError(code: .invalidCredentials, reason: "refused", source: "token")
        let lines: [(EventChannelState?, String)] = [
            (nil, "event channel not started"),
            (.connecting, "event channel connecting"),
            (.applicationLost, "event channel lost its application, creating a new one"),
            (.foreignOwner, "event channel stopped: another process uses the UCWA application"),
            (.failed(failed), "event channel failed: invalidCredentials"),
            (.stopped, "event channel stopped"),
        ]
        for (state, expected) in lines {
            let line = StatusLine.compose(StatusSnapshot(channel: state, queue: nil, lastFailure: nil))
            #expect(line == expected + ", queue unreadable")
        }
    }

    @Test func saysTheApplicationIsBeingOpenedBeforeThereIsAChannel() {
        let first = StatusLine.compose(
            StatusSnapshot(channel: nil, queue: .init(queued: 2, inFlight: 0), lastFailure: nil, opening: .init())
        )
        #expect(first == "opening the UCWA application, 2 queued, 0 in flight")
        let progress = OpeningProgress()
        let refused = UCWAClientError(code: .connectionFailed, reason: "connection refused", source: "discovery")
        progress.recordFailure(attempt: 3, error: refused, retryIn: .seconds(4))
        let third = StatusLine.compose(
            StatusSnapshot(
                channel: .connecting,
                queue: .init(queued: 0, inFlight: 0),
                lastFailure: nil,
                opening: StatusSnapshot.Opening(progress)
            )
        )
        #expect(third == "opening the UCWA application (attempt 3: connection refused), 0 queued, 0 in flight")
    }

    @Test func countsWaitingAndInFlightRequestsFromTheQueueDepth() {
        let depth = QueueDepth(
            byState: [
                .accepted: 2, .retryScheduled: 1, .dispatching: 1, .awaitingEvents: 2, .started: 1,
                .delivered: 40, .failed: 3, .cancelled: 1, .expired: 1,
            ],
            oldestQueuedAt: nil
        )
        #expect(StatusSnapshot.Queue(depth) == StatusSnapshot.Queue(queued: 3, inFlight: 4))
    }

    @Test func theLineIsASingleAssignment() {
        let line = StatusLine.compose(
            StatusSnapshot(
                channel: .parked,
                queue: .init(queued: 1, inFlight: 0),
                lastFailure: LastFailure.Mark(code: "Bad\nREADY=1", at: Self.noon)
            )
        )
        #expect(NotifyState.status(line).assignment.split(separator: "\n").count == 1)
    }
}
