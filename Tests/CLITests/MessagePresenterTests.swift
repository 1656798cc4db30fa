import LocalAPIModels
import Testing

@testable import ucwa_bridge

@Suite struct MessagePresenterTests {
    @Test func detailShowsEveryFieldWithDashesForNulls() {
        let text = MessagePresenter.detail(Fixtures.message(state: .retryScheduled))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "id                01JD3Q8Z5W4K7N2M9P6R1T0V8X")
        #expect(lines.contains("state             retryScheduled"))
        #expect(lines.contains("operation id      -"))
        #expect(lines.contains("idempotency key   -"))
        #expect(lines.contains("next attempt at   -"))
        #expect(lines.contains("failure           -"))
        #expect(lines.contains("invitation        -"))
        #expect(lines.contains("deadline          2026-11-29T11:00:00Z"))
        #expect(lines.contains("attempts          0"))
        // Every value starts in the same column.
        #expect(Set(lines.map { $0.prefix(18).last }) == [" "])
        #expect(!text.contains("OPERATION ID"))
    }

    @Test func detailAddsTheAttemptsAndTheFailure() {
        let message = Fixtures.message(
            state: .failed,
            attempts: [
                Fixtures.attempt(status: 500, code: "ServiceFailure", subcode: "CallbackChannelError"),
                Fixtures.attempt(status: nil, code: nil, subcode: nil),
            ],
            failure: FailureView(code: "ServiceFailure", subcode: "CallbackChannelError", message: "gave up")
        )
        let lines = MessagePresenter.detail(message).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains("failure           ServiceFailure/CallbackChannelError: gave up"))
        #expect(lines.contains("#  OPERATION ID  STARTED AT            HTTP  CODE            SUBCODE"))
        #expect(lines.contains("1  77ab          2026-11-29T10:00:00Z   500  ServiceFailure  CallbackChannelError"))
        #expect(lines.contains("2  77ab          2026-11-29T10:00:00Z     -  -               -"))
    }

    @Test func listAlignsColumnsAndShowsNullsAsDashes() {
        let text = MessagePresenter.list([
            Fixtures.message(id: "a", state: .delivered, conversationLog: "/cl/1"),
            Fixtures.message(
                id: "bbbbbb",
                state: .retryScheduled,
                conversationLog: "/cl/2",
                attempts: Array(repeating: Fixtures.attempt(), count: 12),
                nextAttemptAt: Fixtures.date(2)
            ),
        ])
        #expect(
            text == """
                ID      STATE           ATTEMPTS  UPDATED AT            NEXT ATTEMPT AT       CONVERSATION LOG
                a       delivered              0  2026-11-29T10:00:01Z  -                     /cl/1
                bbbbbb  retryScheduled        12  2026-11-29T10:00:01Z  2026-11-29T10:00:02Z  /cl/2
                """
        )
    }

    @Test func emptyListSaysSo() {
        #expect(MessagePresenter.list([]) == "no requests")
    }

    @Test func progressLineSummarisesTheLastAttempt() {
        let message = Fixtures.message(
            id: "r1",
            state: .retryScheduled,
            attempts: [Fixtures.attempt(), Fixtures.attempt(status: 500, code: "ServiceFailure", subcode: "X")],
            nextAttemptAt: Fixtures.date(2)
        )
        #expect(
            MessagePresenter.progress(message)
                == "r1: retryScheduled, 2 attempts, last 500 ServiceFailure/X, next at 2026-11-29T10:00:02Z"
        )
        #expect(MessagePresenter.progress(Fixtures.message(id: "r2")) == "r2: accepted, 0 attempts")
    }

    @Test func outcomeExplainsRequestsThatWereNotDelivered() {
        let failed = Fixtures.message(
            id: "r1",
            state: .failed,
            failure: FailureView(code: "Forbidden", subcode: nil, message: "not allowed")
        )
        #expect(MessageOutcome.explanation(failed) == "request r1 failed: not allowed (Forbidden)")
        #expect(MessageOutcome.explanation(Fixtures.message(id: "r2", state: .cancelled)) == "request r2 was cancelled")
        #expect(
            MessageOutcome.explanation(Fixtures.message(id: "r3", state: .expired))
                == "request r3 expired before delivery"
        )
    }
}
