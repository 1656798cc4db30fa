import Foundation
import LocalAPIModels
import Testing

extension IntegrationSuite {
    /// A clean restart finds the same UCWA application again, thanks to the endpointId kept in the state directory.
    @Suite("across a clean restart")
    struct RestartTests {
        @Test("the application is reused: applicationsCreated stays 1", .timeLimit(.minutes(3)))
        func reusesApplication() async throws {
            try await TestEnvironment.run { environment in
                let simulator = try await environment.startSimulator()
                let daemon = try await environment.startDaemon(simulator: simulator)
                let api = environment.api(daemon)
                let log = try #require(try await api.conversationLogs().conversationLogs.first)

                let first = try await deliver("before the restart", on: log.href, api: api)
                #expect(first.state == .delivered)
                let applications = try await simulator.applications()
                #expect(applications.count == 1)
                #expect(try await simulator.counters().applicationsCreated == 1)
                let health = try await api.health()
                #expect(health.application?.creation == "created")

                #expect(try await daemon.stop() == .exited(0))
                try await daemon.start()

                let counters = try await simulator.counters()
                #expect(counters.applicationsCreated == 1, "\(counters)")
                let again = try await simulator.applications()
                #expect(again.map(\.id) == applications.map(\.id))
                #expect(again.map(\.endpointId) == applications.map(\.endpointId))
                let reopened = try await api.health()
                #expect(reopened.application?.creation == "reused", "\(reopened)")
                #expect(reopened.application?.href == health.application?.href)

                // It still works, and the earlier request is still there.
                let second = try await deliver("after the restart", on: log.href, api: api)
                #expect(second.state == .delivered)
                #expect(try await api.message(id: first.id).state == .delivered)
                #expect(try await simulator.counters().applicationsCreated == 1)
                #expect(try await simulator.received().count == 2)
            }
        }

        private func deliver(_ text: String, on log: String, api: APIClient) async throws -> MessageView {
            let (_, accepted) = try await api.submit(
                MessageSubmission(conversationLog: log, message: "integration: \(text) \(UUID().uuidString)")
            )
            return try await api.waitUntilFinal(id: accepted.id, timeout: .seconds(60))
        }
    }
}
