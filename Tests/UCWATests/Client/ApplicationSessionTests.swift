import Foundation
import TestSupport
import Testing
import UCWA
import UCWASimulator

@Suite(.timeLimit(.minutes(1))) struct ApplicationSessionTests {
    @Test func applicationIsCreatedThenReusedForTheSameEndpointId() async throws {
        try await ClientFixture.run { fixture in
            let first = try await fixture.client().openApplication()
            let second = try await fixture.client().openApplication()
            #expect(first.creation == .created)
            #expect(second.creation == .reused)
            #expect(first.selfHref == second.selfHref)
            #expect(fixture.simulator.counters.applicationsCreated == 1)
        }
    }

    @Test func tooManyApplicationsIsFatal() async throws {
        try await ClientFixture.run({ $0.applicationLimit = 1 }) { fixture in
            _ = try await fixture.client().openApplication()
            let other = try fixture.client(try fixture.configuration(endpointId: "another-endpoint"))
            let error = await #expect(throws: UCWAClientError.self) { try await other.openApplication() }
            #expect(error?.code == .tooManyApplications)
            #expect(error?.isConfigurationError == true)
            // Re-creation gives up at once instead of looping.
            let again = await #expect(throws: UCWAClientError.self) {
                try await other.recreateApplication(replacing: 0)
            }
            #expect(again?.code == .tooManyApplications)
        }
    }

    @Test func lostApplicationIsCreatedAgain() async throws {
        try await ClientFixture.run { fixture in
            let client = try fixture.client()
            let first = try await client.openApplication()
            fixture.simulator.expireApplicationsNow()
            let lost = await client.get(first.selfHref.pathAndQuery)
            #expect(lost.errorReason?.subcode == .applicationNotFound)
            let second = try await client.recreateApplication(replacing: first.generation)
            #expect(second.generation == 2)
            #expect(second.creation == .created)
            // A second caller for the same lost generation shares the result.
            let third = try await client.recreateApplication(replacing: first.generation)
            #expect(third.generation == 2)
        }
    }

    @Test func recreationEndsOnceTheClientIsShutDown() async throws {
        try await ClientFixture.run { fixture in
            let client = try fixture.client()
            let first = try await client.openApplication()
            fixture.simulator.expireApplicationsNow()
            // The first attempt fails transiently; the re-creation waits on the client clock.
            fixture.simulator.injectFault(.serviceUnavailable, at: .applications)
            let recreation = Task { try await client.recreateApplication(replacing: first.generation) }
            await fixture.clientClock.sleepers(atLeast: 1)
            await client.shutdown()
            fixture.clientClock.advance(by: .seconds(30))
            // The next attempt is refused with shutDown: that ends the re-creation instead of another backoff.
            let error = await #expect(throws: UCWAClientError.self) { try await recreation.value }
            #expect(error?.code == .shutDown)
            // A re-creation started after the shutdown ends at once too.
            let later = await #expect(throws: UCWAClientError.self) {
                try await client.recreateApplication(replacing: first.generation)
            }
            #expect(later?.code == .shutDown)
        }
    }

    @Test func cancelledJoinerStopsWaitingWithoutCancellingTheSharedRecreation() async throws {
        try await ClientFixture.run { fixture in
            let client = try fixture.client()
            let first = try await client.openApplication()
            fixture.simulator.expireApplicationsNow()
            fixture.simulator.injectFault(.serviceUnavailable, at: .applications)
            let owner = Task { try await client.recreateApplication(replacing: first.generation) }
            await fixture.clientClock.sleepers(atLeast: 1)
            let joiner = Task { try await client.recreateApplication(replacing: first.generation) }
            joiner.cancel()
            let error = await #expect(throws: UCWAClientError.self) { try await joiner.value }
            #expect(error?.code == .shutDown)
            // The shared re-creation goes on for the first caller.
            fixture.clientClock.advance(by: .seconds(30))
            let second = try await owner.value
            #expect(second.generation == 2)
            #expect(second.creation == .created)
        }
    }

    @Test func applicationIsDeletedOnRequest() async throws {
        try await ClientFixture.run { fixture in
            let client = try fixture.client()
            _ = try await client.openApplication()
            let outcome = await client.deleteApplication()
            #expect(outcome?.httpStatus == 204)
            #expect(fixture.simulator.applications.isEmpty)
            #expect(await client.application == nil)
        }
    }

    @Test func ucwaAndInfrastructureErrorsAreTold() async throws {
        try await ClientFixture.run { fixture in
            let client = try fixture.client()
            let context = try await client.openApplication()
            fixture.simulator.injectFault(.serviceFailureWithoutBody, at: .application)
            guard case .infrastructureError(let response) = await client.get(context.selfHref.pathAndQuery) else {
                Issue.record("an HTML 500 was not an infrastructure error")
                return
            }
            #expect(response.status == 500)
            fixture.simulator.injectFault(.tooManyRequests, at: .application)
            let throttled = await client.get(context.selfHref.pathAndQuery)
            #expect(throttled.httpStatus == 429)
            #expect(throttled.errorReason?.code == .tooManyRequests)
        }
    }
}
