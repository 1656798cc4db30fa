import Foundation
import LocalAPIModels
import Testing

/// A request through the API to the simulator and back.
struct DeliveryTests {
    @Test func aSubmittedMessageIsDelivered() async throws {
        try await APIFixture.run { api in
            let view = try await api.submitAccepted("the build is green", extra: ["operationId": "build-1234"])
            let final = try await api.final(view.id)
            #expect(final.state == .delivered)
            #expect(final.attempts.count == 1)
            #expect(final.attempts.first?.operationId == "build-1234")
            #expect(final.attempts.first?.httpStatus == 201)
            #expect(final.invitation != nil)
            #expect(final.failure == nil)
            let received = api.simulator.receivedContinueMessaging
            #expect(received.count == 1)
            #expect(received.first?.operationId == "build-1234")
            #expect(received.first?.messageText == "the build is green")
        }
    }
}
