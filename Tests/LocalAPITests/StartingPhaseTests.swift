import Bridge
import Foundation
import LocalAPIModels
import Testing
import UCWA

@testable import LocalAPI

/// The API before the UCWA application is open (a closed ``APIServiceGate``): health and metrics answer, every other
/// route answers `503 unavailable` with `Retry-After`; once the gate opens, everything works as usual.
struct StartingPhaseTests {
    static let refused = UCWAClientError(
        code: .connectionFailed,
        reason: "connection refused (127.0.0.1:9)",
        source: "discovery"
    )

    @Test func healthSaysStartingWithTheQueueFromTheStore() async throws {
        try await APIFixture.run({
            $0.opensGate = false
            $0.runsQueue = false
        }) { api in
            _ = try await api.queue.enqueue(MessageDraft(conversationLog: api.logHref, message: "stored before"))
            let answer = try await api.send(.GET, "/v1/health")
            #expect(answer.status == 200)
            #expect(answer.header("Content-Type") == "application/json")
            let health = try answer.decode(HealthView.self)
            #expect(health.status == "degraded")
            #expect(health.eventChannel.state == "starting")
            #expect(health.eventChannel.lastEventAt == nil)
            #expect(health.eventChannel.reconnects == 0)
            #expect(health.application == nil)
            #expect(health.queue.byState == ["accepted": 1])
            let age = try #require(health.queue.oldestQueuedAgeSeconds)
            #expect(age >= 0 && age < 600)
        }
    }

    @Test func everyOtherRouteAnswers503WithRetryAfterAndStoresNothing() async throws {
        try await APIFixture.run({ $0.opensGate = false }) { api in
            let before = try await api.submit(["conversationLog": api.logHref, "message": "too early"])
            let first = try before.expectError(503, "unavailable")
            #expect(first.message == "the UCWA application is not open yet; try again shortly")
            #expect(before.header("Retry-After") == "2")

            api.progress.recordFailure(attempt: 3, error: Self.refused, retryIn: .seconds(8))
            let id = "01JD3Q8Z5W4K7N2M9P6R1T0V8X"
            for (method, uri) in [
                (Verb.POST, "/v1/messages"), (.GET, "/v1/messages"), (.GET, "/v1/messages/\(id)"),
                (.GET, "/v1/messages/\(id)?wait=5s"), (.DELETE, "/v1/messages/\(id)"), (.GET, "/v1/conversation-logs"),
            ] {
                let body = method == .POST ? Data(#"{"conversationLog":"x","message":"y"}"#.utf8) : nil
                let answer = try await api.send(method, uri, body: body)
                let error = try answer.expectError(503, "unavailable")
                #expect(
                    error.message == "the UCWA application is not open yet (last attempt: connection refused "
                        + "(127.0.0.1:9)); try again shortly",
                    "\(method) \(uri)"
                )
                let retryAfter = try #require(answer.header("Retry-After").flatMap(Int.init), "\(method) \(uri)")
                #expect((1...8).contains(retryAfter), "\(method) \(uri)")
            }

            let metrics = try await api.send(.GET, "/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.text.contains(#"ucwa_bridge_queue_requests{state="accepted"} 0.0"#))
            #expect(metrics.text.contains(#"route="/v1/messages",status="503""#))
            // The connection that carried the refused POST (its body unread) still serves.
            #expect(try await api.send(.GET, "/v1/health").status == 200)
            #expect(try await api.store.depth().byState.values.reduce(0, +) == 0)
        }
    }

    @Test func servesEveryRouteOnceTheGateOpens() async throws {
        try await APIFixture.run({ $0.opensGate = false }) { api in
            let early = try await api.submit(["conversationLog": api.logHref, "message": "too early"])
            try early.expectError(503, "unavailable")
            #expect(!api.gate.isOpen)

            api.openGate()
            #expect(api.gate.isOpen)
            let accepted = try await api.submitAccepted("on time")
            #expect(try await api.final(accepted.id).state == .delivered)
            let health = try await api.send(.GET, "/v1/health").decode(HealthView.self)
            #expect(health.status == "ok")
            #expect(health.eventChannel.state == "parked")
            #expect(health.application?.href == api.context.selfHref.pathAndQuery)
            #expect(try await api.send(.GET, "/v1/conversation-logs").status == 200)
        }
    }

    @Test func retryAfterIsTheTimeToTheNextAttemptWithinASecondAndAMinute() {
        let progress = OpeningProgress()
        let gate = APIServiceGate(metrics: BridgeMetrics(), startingHealth: FixedHealth(), progress: progress)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(gate.unavailable(now: now).retryAfterSeconds == APIServiceGate.firstAttemptRetryAfter)
        progress.recordFailure(attempt: 1, error: Self.refused, retryIn: .milliseconds(2500), now: now)
        #expect(gate.unavailable(now: now).retryAfterSeconds == 3)
        #expect(gate.unavailable(now: now.addingTimeInterval(10)).retryAfterSeconds == 1)
        progress.recordFailure(attempt: 9, error: Self.refused, retryIn: .seconds(600), now: now)
        #expect(gate.unavailable(now: now).retryAfterSeconds == APIServiceGate.maximumRetryAfter)
        #expect(gate.unavailable(now: now).code == .unavailable)
    }

    @Test func aFailureReasonIsOneShortLine() {
        let long = UCWAClientError(
            code: .connectionFailed,
            reason: "first line\nsecond " + String(repeating: "x", count: 400),
            source: "discovery"
        )
        let reason = OpeningProgress.reason(of: long)
        #expect(!reason.contains("\n"))
        #expect(reason.hasPrefix("first line second x"))
        #expect(reason.count == OpeningProgress.maximumReasonLength)
        #expect(reason.hasSuffix("…"))
        #expect(OpeningProgress.reason(of: Self.refused) == "connection refused (127.0.0.1:9)")
    }
}

/// A health source that always answers the same report.
private struct FixedHealth: HealthSource {
    func health() async -> HealthView {
        HealthView(
            status: "degraded",
            eventChannel: HealthView.EventChannelView(state: "starting", lastEventAt: nil, reconnects: 0),
            application: nil,
            queue: HealthView.QueueView(byState: [:], oldestQueuedAgeSeconds: nil)
        )
    }
}
