import Foundation
import Testing
import UCWA

@Suite struct OperationIDTests {
    @Test func emptyIsRejected() throws {
        let error = try #require(throws: RequestValidationError.self) { try OperationID(validating: "") }
        #expect(error.code == .empty)
        #expect(error.field == "operationId")
    }

    @Test func fiftyOneCharactersAreRejected() throws {
        let error = try #require(throws: RequestValidationError.self) {
            try OperationID(validating: String(repeating: "a", count: 51))
        }
        #expect(error.code == .tooLong)
        #expect(!error.description.contains("aaaa"))
    }

    @Test(arguments: [1, 32, 36, 50])
    func validLengths(length: Int) throws {
        let value = String(repeating: "7", count: length)
        #expect(try OperationID(validating: value).rawValue == value)
    }

    @Test func lengthCountsUTF16CodeUnits() throws {
        #expect(try OperationID(validating: String(repeating: "ü", count: 50)).rawValue.count == 50)
        // 26 characters outside the BMP are 52 UTF-16 code units: too long for the .NET server.
        let error = try #require(throws: RequestValidationError.self) {
            try OperationID(validating: String(repeating: "𝄞", count: 26))
        }
        #expect(error.code == .tooLong)
    }

    @Test func controlCharactersAreRejected() throws {
        let error = try #require(throws: RequestValidationError.self) { try OperationID(validating: "a\u{0}b") }
        #expect(error.code == .invalidCharacter)
    }

    @Test func randomIsThirtyTwoHexDigits() throws {
        let ids = (0..<100).map { _ in OperationID.random().rawValue }
        for id in ids {
            #expect(id.count == 32)
            #expect(id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
            #expect(try OperationID(validating: id).rawValue == id)
        }
        #expect(Set(ids).count == ids.count)
    }

    @Test func codableValidates() throws {
        let decoded = try JSONDecoder().decode([OperationID].self, from: #"["abc"]"#.utf8Data)
        #expect(decoded.first?.rawValue == "abc")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([OperationID].self, from: #"[""]"#.utf8Data)
        }
        #expect(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self) == #"["abc"]"#)
    }
}
