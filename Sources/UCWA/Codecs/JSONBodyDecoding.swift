import Foundation

/// Decodes JSON bodies and turns every failure into a ``UCWADecodingError``.
enum JSONBodyDecoding {
    static func decode<Value: Decodable>(
        _ type: Value.Type,
        from data: Data,
        source: String
    ) throws(UCWADecodingError) -> Value {
        guard !data.isEmpty else {
            throw UCWADecodingError(code: .emptyBody, reason: "the body is empty", source: source)
        }
        guard String(validating: data, as: UTF8.self) != nil else {
            throw UCWADecodingError(code: .invalidUTF8, reason: "the JSON body is not valid UTF-8", source: source)
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as UCWADecodingError {
            // Thrown by a nested decode of an embedded resource; it already names what failed.
            throw error
        } catch let error as DecodingError {
            throw UCWADecodingError(error, source: source)
        } catch {
            throw UCWADecodingError(code: .malformedSyntax, reason: "the body is not valid JSON", source: source)
        }
    }
}

extension UCWADecodingError {
    /// Describes a `DecodingError` by kind and coding path only, never by the offending value.
    init(_ error: DecodingError, source: String) {
        switch error {
        case .typeMismatch(let type, let context):
            self.init(
                code: .unexpectedStructure,
                reason: "expected \(type) at \(Self.render(context.codingPath))",
                source: source
            )
        case .valueNotFound(let type, let context):
            self.init(
                code: .unexpectedStructure,
                reason: "missing \(type) value at \(Self.render(context.codingPath))",
                source: source
            )
        case .keyNotFound(let key, let context):
            self.init(
                code: .unexpectedStructure,
                reason: "missing key '\(key.stringValue)' at \(Self.render(context.codingPath))",
                source: source
            )
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            self.init(code: .malformedSyntax, reason: "the body is not valid JSON", source: source)
        case .dataCorrupted(let context):
            self.init(
                code: .unexpectedStructure,
                reason: "invalid value at \(Self.render(context.codingPath)): \(context.debugDescription)",
                source: source
            )
        @unknown default:
            self.init(code: .unexpectedStructure, reason: "the body has an unexpected shape", source: source)
        }
    }

    private static func render(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "the top level" }
        return path.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
    }
}
