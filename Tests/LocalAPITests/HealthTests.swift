import Foundation
import LocalAPIModels
import Testing

struct HealthTests {
    @Test func reportsTheChannelTheApplicationAndTheQueue() async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            _ = try await api.submitAccepted("one")
            _ = try await api.submitAccepted("two")
            let answer = try await api.send(.GET, "/v1/health")
            #expect(answer.status == 200)
            #expect(answer.header("Content-Type") == "application/json")
            let health = try answer.decode(HealthView.self)
            #expect(health.status == "ok")
            #expect(health.eventChannel.state == "parked")
            #expect(health.eventChannel.reconnects == 0)
            #expect(health.application?.href == api.context.selfHref.pathAndQuery)
            #expect(health.application?.creation == "created")
            #expect(health.queue.byState == ["accepted": 2])
            let age = try #require(health.queue.oldestQueuedAgeSeconds)
            #expect(age >= 0 && age < 600)
        }
    }

    @Test func saysDegradedOnceTheChannelStopped() async throws {
        try await APIFixture.run { api in
            await api.channel.stop()
            let health = try await api.send(.GET, "/v1/health").decode(HealthView.self)
            #expect(health.status == "degraded")
            #expect(health.eventChannel.state == "stopped")
            #expect(health.queue.byState.isEmpty)
        }
    }
}
