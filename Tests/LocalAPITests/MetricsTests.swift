import Foundation
import LocalAPIModels
import Testing
import UCWA
import UCWASimulator

@testable import LocalAPI

/// `GET /metrics` after real deliveries, retries and reconnects.
struct MetricsTests {
    @Test func exposesEveryMetricInThePrometheusTextFormat() async throws {
        try await APIFixture.run { api in
            let delivered = try await api.submitAccepted("counted")
            #expect(try await api.final(delivered.id).state == .delivered)

            let answer = try await api.send(.GET, "/metrics")
            #expect(answer.status == 200)
            #expect(answer.header("Content-Type") == "text/plain; version=0.0.4")
            let text = answer.text
            for name in [
                MetricNames.queueRequests, MetricNames.queueOldestAge, MetricNames.requestsFinished,
                MetricNames.attempts, MetricNames.ambiguousResends, MetricNames.eventChannelReconnects,
                MetricNames.eventChannelResets, MetricNames.dispatchToCompleted, MetricNames.apiRequests,
            ] {
                #expect(text.contains("# TYPE \(name)"), "\(name) missing")
            }
            #expect(text.contains(#"ucwa_bridge_requests_finished_total{outcome="delivered"} 1"#))
            #expect(text.contains(#"ucwa_bridge_queue_requests{state="delivered"} 1.0"#))
            #expect(text.contains(#"ucwa_bridge_queue_requests{state="accepted"} 0.0"#))
            #expect(text.contains("ucwa_bridge_attempts_total 1"))
            #expect(text.contains("ucwa_bridge_dispatch_to_completed_seconds_count 1"))
            #expect(text.contains(#"route="/v1/messages",status="202""#))
        }
    }

    @Test func countsCancellationsRetriesAndReconnects() async throws {
        try await APIFixture.run({
            $0.channelBackoff = Backoff(initial: .milliseconds(20), maximum: .milliseconds(50))
        }) { api in
            api.simulator.injectFault(.callbackChannelError, at: .continueMessaging, count: 1)
            api.simulator.injectFault(.serviceUnavailable, at: .events, count: 1)
            let retried = try await api.submitAccepted("retried")
            let final = try await api.final(retried.id)
            #expect(final.state == .delivered)
            #expect(final.attempts.count == 2)
            #expect(final.attempts.first?.subcode == "CallbackChannelError")

            for await count in api.monitor.reconnectUpdates() where count >= 1 {
                break
            }
            try await api.channel.waitUntilParked()

            let text = try await api.send(.GET, "/metrics").text
            #expect(text.contains(#"ucwa_bridge_retries_total{reason="ServiceFailure/CallbackChannelError"} 1"#))
            #expect(text.contains("ucwa_bridge_attempts_total 2"))
            #expect(text.contains("ucwa_bridge_event_channel_reconnects_total 1"))
            let health = try await api.send(.GET, "/v1/health").decode(HealthView.self)
            #expect(health.eventChannel.reconnects == 1)
        }
    }

    @Test func countsACancellation() async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            let view = try await api.submitAccepted()
            try await api.send(.DELETE, "/v1/messages/\(view.id)").expectStatus(200)
            let text = try await api.send(.GET, "/metrics").text
            #expect(text.contains(#"ucwa_bridge_requests_finished_total{outcome="cancelled"} 1"#))
            #expect(text.contains(#"ucwa_bridge_queue_requests{state="cancelled"} 1.0"#))
        }
    }
}
