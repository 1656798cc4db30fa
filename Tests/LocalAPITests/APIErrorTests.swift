import Foundation
import Testing

@testable import LocalAPI

struct APIErrorTests {
    @Test func encodesAsADockerStyleBody() throws {
        let error = APIError(.invalidField, "operationId is longer than 50 characters")
        let object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(error)) as? [String: String]
        )
        #expect(object == ["message": "operationId is longer than 50 characters", "code": "invalidField"])
    }

    @Test func decodesWhatItEncodes() throws {
        let body = #"{"message":"no such request","code":"notFound"}"#
        let error = try JSONDecoder().decode(APIError.self, from: Data(body.utf8))
        #expect(error == APIError(.notFound, "no such request"))
    }

    @Test func everyCodeMapsToAClientOrServerErrorStatus() {
        let statuses = Dictionary(uniqueKeysWithValues: APIError.Code.allCases.map { ($0, $0.httpStatus) })
        #expect(statuses[.malformedRequest] == 400)
        #expect(statuses[.forbidden] == 403)
        #expect(statuses[.bodyTooLarge] == 413)
        #expect(statuses[.unsupportedMediaType] == 415)
        #expect(statuses[.invalidField] == 422)
        #expect(statuses.values.allSatisfy { (400...599).contains($0) })
    }
}
