import Foundation
import LocalAPIModels
import Testing

struct CancelTests {
    @Test func cancelsAnAcceptedRequestOnce() async throws {
        try await APIFixture.run({ $0.runsQueue = false }) { api in
            let view = try await api.submitAccepted()
            let answer = try await api.send(.DELETE, "/v1/messages/\(view.id)")
            #expect(answer.status == 200)
            #expect(try answer.decode(MessageView.self).state == .cancelled)
            let again = try await api.send(.DELETE, "/v1/messages/\(view.id)").expectError(409, "notCancellable")
            #expect(again.message.contains("cancelled"))
            #expect(try await api.send(.GET, "/v1/messages/\(view.id)").decode(MessageView.self).state == .cancelled)
        }
    }

    @Test func refusesToCancelADeliveredRequest() async throws {
        try await APIFixture.run { api in
            let view = try await api.submitAccepted()
            #expect(try await api.final(view.id).state == .delivered)
            try await api.send(.DELETE, "/v1/messages/\(view.id)").expectError(409, "notCancellable")
        }
    }

    @Test func answersNotFoundForAnUnknownID() async throws {
        try await APIFixture.run { api in
            try await api.send(.DELETE, "/v1/messages/0123456789abcdef").expectError(404, "notFound")
            try await api.send(.GET, "/v1/messages/0123456789abcdef").expectError(404, "notFound")
            try await api.send(.GET, "/v1/messages/0123456789abcdef?wait=100ms").expectError(404, "notFound")
        }
    }
}
