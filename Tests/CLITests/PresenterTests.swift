import LocalAPIModels
import Testing

@testable import ucwa_bridge

@Suite struct PresenterTests {
    @Test func healthShowsQueueInLifecycleOrderAndAbsentValuesAsDashes() {
        let health = HealthView(
            status: "degraded",
            eventChannel: .init(state: "backingOff", lastEventAt: nil, reconnects: 4),
            application: nil,
            queue: .init(
                byState: ["retryScheduled": 1, "zzz": 2, "accepted": 3, "failed": 0],
                oldestQueuedAgeSeconds: 75.9
            )
        )
        #expect(
            HealthPresenter.render(health) == """
                status         degraded
                event channel  backingOff
                last event at  -
                reconnects     4
                application    -
                queue          accepted 3, retryScheduled 1, zzz 2
                oldest queued  1m15s
                """
        )
        #expect(HealthPresenter.queue([:]) == "empty")
    }

    @Test func conversationLogsShowSubjectParticipantsTimeAndHref() {
        let logs = [
            ConversationLogView(
                href: "/cl/1",
                subject: nil,
                creationTime: Fixtures.date(),
                recipients: [.init(name: "Jane", sipUri: "sip:jane@example.com"), .init(name: "Bob", sipUri: nil)]
            ),
            ConversationLogView(href: "/cl/22", subject: "Deploys", creationTime: nil, recipients: []),
        ]
        #expect(
            ConversationLogPresenter.render(logs) == """
                SUBJECT  PARTICIPANTS               CREATED AT            HREF
                -        sip:jane@example.com, Bob  2026-11-29T10:00:00Z  /cl/1
                Deploys  -                          -                     /cl/22
                """
        )
        #expect(ConversationLogPresenter.render([]) == "no conversation logs")
    }

    @Test(arguments: [(Double?.none, "-"), (0.4, "0s"), (59.9, "59s"), (3_725, "1h2m5s"), (-3, "0s")])
    func agesReadAsDurations(seconds: Double?, text: String) {
        #expect(HumanFormat.age(seconds: seconds) == text)
    }

    @Test func jsonOutputIsTheAPIEncoding() throws {
        let message = Fixtures.message(id: "r1")
        let json = try Output(json: true).render(message) { "table" }
        #expect(json.hasPrefix("{\"attempts\":[],"))
        #expect(json.contains("\"failure\":null"))
        #expect(json.contains("\"deadline\":\"2026-11-29T11:00:00.000Z\""))
        #expect(try Output(json: false).render(message) { "table" } == "table")
    }
}
