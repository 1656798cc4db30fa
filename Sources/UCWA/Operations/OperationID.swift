import Foundation

/// A client-chosen `operationId`: the key that correlates a POST with the `started`/`completed` events of the
/// operation it starts.
///
/// UCWA documents "the maximum length is 50 characters". The server is .NET, whose string length counts UTF-16
/// code units, so that is what this type counts: for ASCII (every generated id) all counts agree, and for other text
/// UTF-16 code units are never fewer than Swift `Character`s or Unicode scalars, so any value accepted here is
/// within the server's limit. Control characters are refused: they cannot be written in an XML body.
public struct OperationID: Hashable, Sendable, CustomStringConvertible {
    /// The documented maximum length, in UTF-16 code units.
    public static let maximumLength = 50

    /// The id as sent on the wire.
    public let rawValue: String

    /// Validates `rawValue`: 1 to 50 UTF-16 code units, no control characters.
    ///
    /// - Throws: ``RequestValidationError`` with code `empty`, `tooLong` or `invalidCharacter`.
    public init(validating rawValue: String) throws(RequestValidationError) {
        guard !rawValue.isEmpty else {
            throw RequestValidationError(code: .empty, reason: "an operationId must not be empty", field: "operationId")
        }
        let length = rawValue.utf16.count
        guard length <= Self.maximumLength else {
            throw RequestValidationError(
                code: .tooLong,
                reason: "an operationId has at most \(Self.maximumLength) characters, this one has \(length)",
                field: "operationId"
            )
        }
        guard !rawValue.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw RequestValidationError(
                code: .invalidCharacter,
                reason: "an operationId must not contain control characters",
                field: "operationId"
            )
        }
        self.rawValue = rawValue
    }

    /// A new id: 32 lower-case hexadecimal digits, in time order with 74 random bits (``TimeOrderedHex``).
    public static func random() -> OperationID {
        OperationID(unchecked: TimeOrderedHex.make())
    }

    private init(unchecked rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }
}

extension OperationID: Codable {
    /// Decodes and validates an id.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let rawValue = try container.decode(String.self)
        do {
            try self.init(validating: rawValue)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.reason)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
