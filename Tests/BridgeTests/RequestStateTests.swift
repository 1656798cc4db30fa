import Testing

@testable import Bridge

struct RequestStateTests {
    @Test func theHappyPathIsAllowed() {
        let path: [RequestState] = [.accepted, .dispatching, .awaitingEvents, .started, .delivered]
        for (from, to) in zip(path, path.dropFirst()) {
            #expect(from.allows(to), "\(from) -> \(to)")
        }
    }

    @Test func eventsMayBeatThe201AndStartedMayBeSkipped() {
        #expect(RequestState.dispatching.allows(.started))
        #expect(RequestState.dispatching.allows(.delivered))
        #expect(RequestState.awaitingEvents.allows(.delivered))
    }

    @Test func terminalStatesAreFinal() {
        for terminal in RequestState.allCases where terminal.isTerminal {
            #expect(RequestState.allCases.allSatisfy { !terminal.allows($0) }, "\(terminal) must be final")
        }
    }

    @Test func onlyARequestWithNothingInFlightCanBeCancelled() {
        let cancellable = RequestState.allCases.filter { $0.allows(.cancelled) }
        #expect(Set(cancellable) == [.accepted, .retryScheduled])
        #expect(cancellable.allSatisfy { !$0.isInFlight })
    }

    @Test func aRetryAlwaysGoesThroughANewDispatch() {
        let fromRetry = RequestState.allCases.filter { RequestState.retryScheduled.allows($0) }
        #expect(Set(fromRetry) == [.dispatching, .cancelled, .expired])
        #expect(!RequestState.accepted.allows(.awaitingEvents))
    }
}
