import Foundation
import LocalAPIModels
import Testing

@testable import ucwa_bridge

/// Answers `message(id:wait:)` from a script, repeating the last answer, and records the calls.
private actor ScriptedFetcher: MessageFetching {
    private var answers: [MessageView]
    private(set) var waits: [Duration?] = []
    private(set) var untilFinal: [Bool] = []

    init(_ answers: [MessageView]) {
        self.answers = answers
    }

    func message(id: String, wait: Duration?, untilFinal: Bool) async throws -> MessageView {
        waits.append(wait)
        self.untilFinal.append(untilFinal)
        return answers.count > 1 ? answers.removeFirst() : answers[0]
    }
}

@Suite struct MessageWaiterTests {
    @Test func pollsWithWaitUntilTheStateIsFinal() async throws {
        let fetcher = ScriptedFetcher([
            Fixtures.message(state: .accepted),
            Fixtures.message(state: .retryScheduled, attempts: [Fixtures.attempt()]),
            Fixtures.message(state: .delivered, attempts: [Fixtures.attempt()]),
        ])
        var waiter = MessageWaiter(fetcher: fetcher)
        waiter.minimumInterval = .zero
        let final = try await waiter.wait(for: "r1", timeout: .seconds(60))
        #expect(final.state == .delivered)
        #expect(await fetcher.waits == [nil, .seconds(30), .seconds(30)])
        // Nobody watches the steps: the held calls ask for the final state.
        #expect(await fetcher.untilFinal == [false, true, true])
    }

    @Test func startsFromAKnownRequestWithoutReadingItAgain() async throws {
        let fetcher = ScriptedFetcher([Fixtures.message(state: .failed)])
        var waiter = MessageWaiter(fetcher: fetcher)
        waiter.minimumInterval = .zero
        // Without a timeout the request's deadline bounds the wait: it must lie ahead of the real clock.
        let known = Fixtures.message(state: .accepted, deadline: Date().addingTimeInterval(3_600))
        let final = try await waiter.wait(for: "r1", from: known, timeout: nil)
        #expect(final.state == .failed)
        #expect(await fetcher.waits == [.seconds(30)])
    }

    @Test func aFinalRequestIsAnsweredAtOnce() async throws {
        let fetcher = ScriptedFetcher([Fixtures.message(state: .cancelled)])
        let final = try await MessageWaiter(fetcher: fetcher).wait(for: "r1", timeout: .seconds(5))
        #expect(final.state == .cancelled)
        #expect(await fetcher.waits == [nil])
    }

    @Test func givesUpWithTimedOutWhenTheTimeoutPasses() async throws {
        let fetcher = ScriptedFetcher([Fixtures.message(id: "r1", state: .retryScheduled)])
        var waiter = MessageWaiter(fetcher: fetcher)
        waiter.minimumInterval = .milliseconds(20)
        await #expect {
            try await waiter.wait(for: "r1", timeout: .milliseconds(100))
        } throws: { error in
            guard let error = error as? CLIError else { return false }
            return error.exitStatus == .timedOut && error.report.contains("r1")
                && error.report.contains("retryScheduled") && error.report.contains("100ms")
        }
        let waits = await fetcher.waits
        // Bounded: a daemon that answers at once does not make the client spin.
        #expect(waits.count >= 2 && waits.count <= 8)
        // The held polls never outlast the time left.
        #expect(waits.dropFirst().allSatisfy { ($0 ?? .zero) <= .milliseconds(100) })
    }

    @Test func withoutATimeoutTheDeadlineBoundsTheWait() async throws {
        let overdue = Fixtures.message(id: "r1", state: .accepted, deadline: Fixtures.date(-86_400))
        var waiter = MessageWaiter(fetcher: ScriptedFetcher([overdue]))
        waiter.deadlineGrace = .milliseconds(50)
        waiter.minimumInterval = .milliseconds(10)
        await #expect {
            try await waiter.wait(for: "r1", timeout: nil)
        } throws: { error in
            (error as? CLIError)?.exitStatus == .timedOut
        }
    }

    @Test func reportsProgressOnlyWhenTheRequestChanges() async throws {
        let accepted = Fixtures.message(state: .accepted)
        let fetcher = ScriptedFetcher([
            accepted, accepted, Fixtures.message(state: .started), Fixtures.message(state: .delivered),
        ])
        let seen = StatesSeen()
        var waiter = MessageWaiter(fetcher: fetcher)
        waiter.minimumInterval = .zero
        waiter.progress = { seen.append($0.state) }
        _ = try await waiter.wait(for: "r1", timeout: .seconds(60))
        #expect(seen.states == [.accepted, .started, .delivered])
        #expect(await fetcher.untilFinal == [false, false, false, false])
    }
}

/// Collects the states a waiter reports (the waiter calls it synchronously, on one task).
private final class StatesSeen {
    var states: [MessageState] = []

    func append(_ state: MessageState) {
        states.append(state)
    }
}
