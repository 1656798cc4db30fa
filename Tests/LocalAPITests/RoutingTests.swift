import Bridge
import Foundation
import LocalAPIModels
import Testing

@testable import LocalAPI

/// Unknown paths, wrong methods and unknown parameters: always a JSON error.
struct RoutingTests {
    @Test func answersUnknownPathsAndMethodsWithJSONErrors() async throws {
        try await APIFixture.run { api in
            try await api.send(.GET, "/v2/messages").expectError(404, "notFound")
            try await api.send(.GET, "/").expectError(404, "notFound")
            try await api.send(.GET, "/v1/messages/abc/extra").expectError(404, "notFound")
            let put = try await api.send(.PUT, "/v1/messages", body: Data("{}".utf8))
            try put.expectError(405, "methodNotAllowed")
            #expect(put.header("Allow") == "GET, POST")
            let patch = try await api.send(.PATCH, "/v1/health", body: Data("{}".utf8))
            try patch.expectError(405, "methodNotAllowed")
            #expect(patch.header("Allow") == "GET")
            let post = try await api.send(.POST, "/v1/messages/abc", body: Data("{}".utf8))
            try post.expectError(405, "methodNotAllowed")
            #expect(post.header("Allow") == "DELETE, GET")
            try await api.send(.GET, "/v1/health?verbose=1").expectError(400, "invalidParameter")
            #expect(try await api.send(.GET, "/v1/health").header("Date")?.hasSuffix(" GMT") == true)
        }
    }

    @Test func matchesTemplatesSegmentBySegment() {
        #expect(APIRoute.getMessage.matches(path: "/v1/messages/abc"))
        #expect(!APIRoute.getMessage.matches(path: "/v1/messages/"))
        #expect(!APIRoute.getMessage.matches(path: "/v1/messages"))
        #expect(APIRoute.listMessages.matches(path: "/v1/messages"))
        #expect(APIRoute.methods(for: "/metrics") == ["GET"])
        #expect(APIRoute.methods(for: "/v1/nothing").isEmpty)
    }

    @Test func mapsEveryQueueErrorOnce() {
        let cases: [(QueueError.Code, Int, APIError.Code)] = [
            (.notFound, 404, .notFound), (.notCancellable, 409, .notCancellable),
            (.operationIDInUse, 409, .operationIdInUse), (.hrefRefused, 422, .hrefRefused),
            (.deadlinePassed, 422, .deadlinePassed), (.storeFailure, 503, .storeFailure),
            (.shuttingDown, 503, .shuttingDown),
        ]
        for (queueCode, status, code) in cases {
            let error = APIError(QueueError(code: queueCode, reason: "why", source: "test"))
            #expect(error.code == code)
            #expect(error.code.httpStatus == status)
        }
    }
}
